// The workspace checker's only way to the disk: list a folder's design files and read one. The
// language server over Node passes `nodeDesignSource`; a build without a file system passes none,
// and then only open designs are checked.

export interface DesignSource {
  /**
   * The URIs of the files under a workspace folder whose path `accept` takes, skipping dependency,
   * build and version-control folders; stops early (with what it found) when `cancelled()` is true.
   */
  list(
    folderUri: string,
    accept: (path: string) => boolean,
    cancelled: () => boolean,
  ): Promise<string[]>;
  /** The file's text, or undefined when it cannot be read (deleted, a folder, not a file: URI). */
  read(uri: string): Promise<string | undefined>;
  /** The path of a file URI, as `accept` and the design-file globs see it. */
  pathOf(uri: string): string;
}
