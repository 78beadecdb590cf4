/**
 * The presenter's tally under a room that keeps voting: VOTERS people change their vote on the
 * step as fast as a person plausibly can (every VOTE_EVERY_MS) for VOTING_MS, while the presenter's
 * stream counts `tally` events. However fast the votes come, the tally must arrive at most 10 times
 * a second, and its last counts must be the room's real ones.
 */
import http from "node:http";
import { VOTES, type Tally, type Vote } from "../../lib/map/room/reactions";
import { postJson, type Target } from "../sync/rooms";
import { openEventListener } from "./frames";

export const VOTERS = 200;
const VOTE_EVERY_MS = 600;
export const VOTING_MS = 6_000;

export interface TallyRun {
  votesAccepted: number;
  votesRefused: number;
  seconds: number;
  tallyEvents: number;
  /** The most tally events in any one-second window. */
  peakPerSecond: number;
  finalCorrect: boolean;
}

export async function measureTally(target: Target): Promise<TallyRun> {
  const answer = await postJson(target.port, "/api/maps", { title: "Tally bench" });
  const tokenOf = (url: string) => String(url).split("/m/")[1]!;
  const owner = tokenOf(answer.body.links.owner);
  const view = tokenOf(answer.body.links.view);
  const times: number[] = [];
  let last: Tally | undefined;
  const presenter = openEventListener(target.port, `/api/maps/${owner}/events?since=0`, (event, data) => {
    if (event !== "tally") return;
    times.push(performance.now());
    const counts = (JSON.parse(data) as { steps: Record<number, Tally> }).steps[0];
    if (counts) last = counts;
  });
  await presenter.ready;
  const lead = (take: boolean) => postJson(target.port, `/api/maps/${owner}/lead`, { clientId: "bench-stage", name: "Bench", colour: "#0369a1", step: 0, count: 3, take });
  const led = await lead(true);
  if (led.status !== 200) throw new Error(`${target.label}: the owner could not lead (HTTP ${led.status})`);
  // The stage keeps its lead alive as a real one does (components/present/useLeading.ts).
  const heartbeat = setInterval(() => void lead(false).catch(() => undefined), 1_500);

  // Every phone has its own connection.
  const agent = new http.Agent({ keepAlive: true, maxSockets: VOTERS });
  const finalVotes = new Map<number, Vote>();
  let accepted = 0;
  let refused = 0;
  const refusals = new Map<string, number>();
  const vote = (voter: number, choice: Vote) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ voterId: `u_bench${String(voter).padStart(11, "0")}`, step: 0, vote: choice });
      const request = http.request({ host: "127.0.0.1", port: target.port, path: `/api/maps/${view}/reactions`, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
        response.resume();
        if (response.statusCode === 204) {
          accepted++;
          finalVotes.set(voter, choice);
        } else {
          refused++;
          refusals.set(String(response.statusCode), (refusals.get(String(response.statusCode)) ?? 0) + 1);
        }
        response.on("end", resolve);
      });
      request.on("error", (error) => {
        refused++;
        refusals.set(error.message, (refusals.get(error.message) ?? 0) + 1);
        resolve();
      });
      request.end(body);
    });

  const started = performance.now();
  const voters = Array.from({ length: VOTERS }, async (_, voter) => {
    await new Promise((resolve) => setTimeout(resolve, (voter * VOTE_EVERY_MS) / VOTERS));
    for (let round = 0; performance.now() - started < VOTING_MS; round++) {
      const sent = performance.now();
      await vote(voter, VOTES[(voter + round) % VOTES.length]!);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, VOTE_EVERY_MS - (performance.now() - sent))));
    }
  });
  await Promise.all(voters);
  clearInterval(heartbeat);
  const seconds = (performance.now() - started) / 1000;
  if (refused > 0) console.error(`classroom: votes refused: ${[...refusals].map(([why, count]) => `${count}× ${why}`).join(", ")}`);
  // The last flush follows the last vote within a tenth of a second.
  await new Promise((resolve) => setTimeout(resolve, 500));
  presenter.close();
  agent.destroy();

  const expected: Tally = { agree: 0, disagree: 0, unsure: 0 };
  for (const choice of finalVotes.values()) expected[choice] += 1;
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return { votesAccepted: accepted, votesRefused: refused, seconds, tallyEvents: times.length, peakPerSecond: peak, finalCorrect: JSON.stringify(last) === JSON.stringify(expected) };
}
