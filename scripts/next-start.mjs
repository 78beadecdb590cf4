// Starts `next start` (the arguments are passed on) with the allocator setting the server's memory
// budget is measured with (bench/README.md, "What the abuse numbers mean").
//
// Why: glibc's malloc gives a thread that allocates its own arena (up to 8 per core) and keeps
// what is freed there for that arena. Every import and export job runs in a fresh worker thread,
// whose malloc'd memory (V8's compiler zones, the structured clone of a 20 MB result) stayed behind
// in its arena after the thread ended: tens of MB per job, piling up (the abuse bench's RSS growth
// was 222 MB, over the 200 MB budget). Two arenas, shared by all threads, reuse what was freed.
// glibc reads MALLOC_ARENA_MAX once, when a process starts, so the server cannot set it for
// itself: it is set here for the child. A value already in the environment is kept.
//
// Usage: node scripts/next-start.mjs [-p port] [-H host]
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MALLOC_ARENAS = "2";

/** `env` with the allocator setting added, unless it already has one. */
export function serverEnv(env) {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? MALLOC_ARENAS };
}

/** Runs `next start` as a child with `env`; this process forwards signals and exits with it. */
export function startNext(args, env) {
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [next, "start", ...args], { stdio: "inherit", env: serverEnv(env) });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) startNext(process.argv.slice(2), process.env);
