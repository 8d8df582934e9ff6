// The disable-comment syntax, after markdownlint's form; read (by the engine's
// analysis/disableComments.ts) and written (by the "Disable … for this line/file" code actions)
// here only:
//   <!-- mlsd-disable MLSD006 -->  ...  <!-- mlsd-enable MLSD006 -->
//   <!-- mlsd-disable-next-line thin-step -->   <!-- mlsd-disable-line -->   <!-- mlsd-disable-file -->
// Rules are named by id or name, separated by spaces or commas; with none named, the comment
// applies to every rule.

export type DirectiveKind =
  'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'enable-file';

export interface DirectiveText {
  kind: DirectiveKind;
  /** The rule ids or names as written; none for every rule. */
  names: string[];
}

const DIRECTIVE =
  /^\s*mlsd-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)\b([\s\S]*)$/;

/** The directive an HTML comment holds; `comment` is the text between `<!--` and `-->`. */
export function readDirective(comment: string): DirectiveText | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  return {
    kind: match[1] as DirectiveKind,
    names: match[2].split(/[\s,]+/).filter(Boolean),
  };
}

/** The HTML comment that holds a directive. */
export function writeDirective(kind: DirectiveKind, names: readonly string[] = []): string {
  return `<!-- ${['mlsd-' + kind, ...names].join(' ')} -->`;
}
