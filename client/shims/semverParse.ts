// `require('semver/functions/parse')` in the bundle (see semver.ts).
import { parse } from './semver';
export = parse;
