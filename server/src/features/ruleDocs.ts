// Where a rule's documentation page is: docs/rules/<ID>.md shipped with the extension. The folder's
// URI is set by the entry point: a file: URI in Node (ruleDocsFiles.ts), the extension's own URI
// (sent by the client) in the web worker.
let docsBase = '';

/** Sets the URI of the folder of the rule pages. */
export function setRuleDocsBase(folderUri: string): void {
  docsBase = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
}

/** The URI of a rule's page, or undefined while no folder is known. */
export function ruleDocsUri(ruleId: string): string | undefined {
  return docsBase ? `${docsBase}${ruleId}.md` : undefined;
}
