// The rule registry, in id order.
import { designChecks } from './checks';
import { duplicateStep } from './duplicateStep';
import { emptyStep } from './emptyStep';
import { frontMatterRule } from './frontMatterValues';
import { missingStep } from './missingStep';
import { missingTopic } from './missingTopic';
import { otherFramework } from './otherFramework';
import { placeholder } from './placeholder';
import { stepOrder } from './stepOrder';
import { thinStep } from './thinStep';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [
  missingStep,
  stepOrder,
  duplicateStep,
  emptyStep,
  thinStep,
  missingTopic,
  placeholder,
  frontMatterRule,
  otherFramework,
  ...designChecks,
];
