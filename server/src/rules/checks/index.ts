// The design checks (MLSD100 and up): mistakes an interviewer flags. Each is quiet when in doubt.
import type { Rule } from '../types';
import { accuracyOnRareClass } from './accuracyOnRareClass';
import { clickOnlyObjective } from './clickOnlyObjective';
import { complexModelNoTradeoff } from './complexModelNoTradeoff';
import { downsamplingWithoutCalibration } from './downsamplingWithoutCalibration';
import { driftWithoutRetraining } from './driftWithoutRetraining';
import { gbdtWithContinualLearning } from './gbdtWithContinualLearning';
import { imbalanceNotHandled } from './imbalanceNotHandled';
import { labelsUndefined } from './labelsUndefined';
import { latencyNotServed } from './latencyNotServed';
import { metricTaskMismatch } from './metricTaskMismatch';
import { noBaseline } from './noBaseline';
import { noColdStart } from './noColdStart';
import { noEvaluationData } from './noEvaluationData';
import { noFallback } from './noFallback';
import { noOnlineTest } from './noOnlineTest';
import { noRetrainingPlan } from './noRetrainingPlan';
import { noSliceEvaluation } from './noSliceEvaluation';
import { oneHotIds } from './oneHotIds';
import { offlineMetricsOnly } from './offlineMetricsOnly';
import { randomSplitOnTimeData } from './randomSplitOnTimeData';
import { trainingServingSkew } from './trainingServingSkew';
import { unquantifiedRequirements } from './unquantifiedRequirements';

export const designChecks: readonly Rule[] = [
  accuracyOnRareClass,
  downsamplingWithoutCalibration,
  noBaseline,
  metricTaskMismatch,
  noColdStart,
  latencyNotServed,
  driftWithoutRetraining,
  randomSplitOnTimeData,
  labelsUndefined,
  clickOnlyObjective,
  imbalanceNotHandled,
  oneHotIds,
  gbdtWithContinualLearning,
  noOnlineTest,
  complexModelNoTradeoff,
  offlineMetricsOnly,
  unquantifiedRequirements,
  trainingServingSkew,
  noRetrainingPlan,
  noFallback,
  noSliceEvaluation,
  noEvaluationData,
];
