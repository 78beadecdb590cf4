import type { ChildProcess } from "node:child_process";

export const MALLOC_ARENAS: string;
export function serverEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function startNext(args: string[], env: Record<string, string | undefined>): ChildProcess;
