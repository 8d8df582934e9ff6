// Types for scripts/generate-snippets.mjs, so the TypeScript tests can call it in process.
import type { FrameworkData, CaseStudyData } from '../server/src/framework/types';

export declare const DATA_DIR: string;
export declare const SNIPPETS_FILE: string;
export declare function escapeSnippet(text: string): string;
export declare function loadData(dataDir?: string): {
  framework: FrameworkData;
  problems: CaseStudyData[];
};
export declare function generateSnippets(data?: {
  framework: FrameworkData;
  problems: CaseStudyData[];
}): string;
