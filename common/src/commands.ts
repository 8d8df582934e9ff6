// The command ids of the extension: package.json contributes them, the client registers them, and
// the server names them in code lenses. test/unit/manifest.test.ts checks the three agree.

export const Commands = {
  newDesign: 'mlsd.newDesign',
  insertMissingSteps: 'mlsd.insertMissingSteps',
  showCoverage: 'mlsd.showCoverage',
  askFollowUp: 'mlsd.askFollowUp',
  restartServer: 'mlsd.restartServer',
  openRuleDocumentation: 'mlsd.openRuleDocumentation',
  /** Puts the cursor at (uri, line, character): run after a quick fix inserts a step. */
  revealPosition: 'mlsd.revealPosition',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
