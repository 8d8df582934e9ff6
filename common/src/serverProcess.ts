// How the language server's process is started: by the extension (client/src/extension.ts), and by
// the protocol tests and the benchmark, which must measure the server as users run it.

/**
 * Environment added to the server's. glibc gives each thread that allocates its own malloc arena
 * (V8's GC and compiler workers, libuv's pool); the server does its work on one thread, and the
 * arenas the others touched stayed resident: one arena took the RSS with 50 designs open from
 * 77-79 MiB to 71-72 MiB (`npm run bench`). Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
