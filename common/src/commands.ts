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
  startPractice: 'mlsd.startPractice',
  pausePractice: 'mlsd.pausePractice',
  resumePractice: 'mlsd.resumePractice',
  stopPractice: 'mlsd.stopPractice',
  /** The practice status bar item's menu: pause or resume, stop. */
  practiceMenu: 'mlsd.practiceMenu',
  /** Test-only (not in the palette): moves the practice clock forward by `ms`. */
  advancePracticeClock: 'mlsd.advancePracticeClock',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
