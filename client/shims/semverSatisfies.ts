// `require('semver/functions/satisfies')` in the bundle (see semver.ts).
import { satisfies } from './semver';
export = satisfies;
