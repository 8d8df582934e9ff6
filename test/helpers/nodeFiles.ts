// Mocha loads this first (.mocharc.json `require`): the tests run the engine from the source, with
// the built-in data files and rule pages read from disk, as the Node entry points do.
import '../../server/src/dataFiles';
import '../../server/src/ruleDocsFiles';
