// The analyses of the open designs, by URI, in the order they were last used (edited, or asked
// about by a feature). Once the server is idle only the few most recently used stay whole: the
// others' diagnostics are published already and their text stays with the editor's documents, so
// their analysis (and the parts only it holds) can go and be made again from the text when a
// feature next asks (the same result, in the time opening the design took).
import type { Analysis } from './model/analysis';

export interface StoredAnalysis {
  version: number;
  /** The rules and framework the analysis was made with. */
  rulesKey: string;
  analysis: Analysis;
}

export class OpenAnalyses {
  /** Oldest use first (a Map keeps insertion order; a use moves its entry to the end). */
  private readonly byUri = new Map<string, StoredAnalysis>();

  /** `keep`: how many designs keep their analysis once idle. */
  constructor(readonly keep: number) {}

  /** The stored analysis of this version made with these rules, now the most recently used. */
  get(uri: string, version: number, rulesKey: string): Analysis | undefined {
    const stored = this.byUri.get(uri);
    if (!stored || stored.version !== version || stored.rulesKey !== rulesKey) return undefined;
    this.byUri.delete(uri);
    this.byUri.set(uri, stored);
    return stored.analysis;
  }

  set(uri: string, stored: StoredAnalysis): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, stored);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }

  /** The URIs whose analysis is held, least recently used first. */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** Drops all but the `keep` most recently used analyses; gives those dropped. */
  trim(): [string, StoredAnalysis][] {
    const dropped: [string, StoredAnalysis][] = [];
    for (const entry of this.byUri) {
      if (this.byUri.size - dropped.length <= this.keep) break;
      dropped.push(entry);
    }
    for (const [uri] of dropped) this.byUri.delete(uri);
    return dropped;
  }
}
