/**
 * Each attack's request once, alone, on the quiet server: how long until the server refuses a
 * hostile import (or answers it), beside a small well-formed Argdown import in the same run. A
 * refusal that takes as long as the budget would still let an attacker hold a worker for the
 * whole budget per request; these rows show it is the limits, not the clock, that stop them.
 * The demo's PNG is asked for twice: drawn, then served from the export cache.
 */
import { attacks } from "./attacks";
import { send } from "./http-client";
import { row } from "../sync/stats";
import type { BenchRow } from "../types";

export interface SoloAnswer {
  name: string;
  status: number;
  ms: number;
}

const SMALL_ARGDOWN = "[Homework]: Homework should be banned.\n  + [Rest]: Children need rest.\n  - [Practice]: Practice makes skills stick.\n";

async function once(port: number, name: string, request: Parameters<typeof send>[0]): Promise<SoloAnswer> {
  const answer = await send({ ...request, port, timeoutMs: 120_000 });
  return { name, status: answer.status, ms: answer.ms };
}

/** Sends the baseline import, then each distinct attack once, one after another. */
export async function measureAlone(port: number): Promise<{ baseline: SoloAnswer; answers: SoloAnswer[] }> {
  const text = { "content-type": "text/plain; charset=utf-8" };
  const baseline = await once(port, "3-statement Argdown", { port, path: "/api/maps/import", method: "POST", headers: text, body: SMALL_ARGDOWN });
  const answers: SoloAnswer[] = [];
  const seen = new Set<string>();
  for (const { name, request } of attacks()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const isPng = request.path.includes("format=png");
    answers.push(await once(port, isPng ? "demo PNG export, drawn" : name, { ...request, port }));
    if (isPng) answers.push(await once(port, "demo PNG export, from the cache", { ...request, port }));
  }
  return { baseline, answers };
}

export function soloRows({ baseline, answers }: { baseline: SoloAnswer; answers: SoloAnswer[] }): BenchRow[] {
  return answers.map((answer) =>
    row(`  alone: ${answer.name} → ${answer.status || "no answer"} (baseline: ${baseline.name} → ${baseline.status})`, answer.ms, baseline.ms, "ms"),
  );
}
