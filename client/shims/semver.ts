// The two semver functions vscode-languageclient calls (its VS Code version check, `^1.91.0`),
// standing in for the semver package in the bundle (esbuild.mjs): the package is 20 KB of the
// extension bundle for one comparison. Caret ranges only; anything else is refused loudly.
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parse(version: string | Version): Version | null {
  if (typeof version !== 'string') return version;
  const match = VERSION.exec(version.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

/** `version` satisfies a caret range `^a.b.c`: the same major version (a > 0), and not older. */
export function satisfies(version: string | Version, range: string): boolean {
  const v = parse(version);
  const caret = /^\^(\d+\.\d+\.\d+)$/.exec(range.trim());
  const floor = caret && parse(caret[1]);
  if (!floor) throw new Error(`semver shim: only caret ranges are supported, not "${range}"`);
  if (!v || v.prerelease.length > 0 || floor.major === 0 || v.major !== floor.major) return false;
  if (v.minor !== floor.minor) return v.minor > floor.minor;
  return v.patch >= floor.patch;
}
