/**
 * The authority. Submissions for a map queue up; whatever has queued while the previous group was
 * committing goes into the next transaction together (group commit), so one durable commit serves
 * many ops. Inside, each op is checked against the current map by applyEach, written to the tables
 * and appended to the log at the next revision; an op that cannot apply is rejected on its own and
 * nothing of it is written. Each request is answered only after its group's commit, then the ops
 * are fanned out. A retried op (same clientId + clientOpId) is applied once.
 */
import { applyEach } from "../map/apply";
import type { ClientOp, Op, OpsOutcome } from "../map/ops";
import type { MapDoc } from "../map/types";
import { db, isBusy, isRevisionConflict, isUniqueViolation, TRANSACTION_LIMITS, writeTransaction, type Db, type Tx } from "./db";
import { forget, loadDoc, remember } from "./doc-store";
import { mapNotFound } from "./errors";
import { committedHere } from "./map-feed";
import { versionWrites } from "./node-history";
import { groupWrites, type AppliedOp, type Statement } from "./persist-op";
import { replayFrom } from "./op-log";
import { notifyInTransaction } from "./signals";
import { processWide } from "./process-wide";

export interface Submission {
  mapId: string;
  clientId: string;
  author: string;
  ops: ClientOp[];
}

interface Waiting {
  submission: Submission;
  resolve(outcome: OpsOutcome): void;
  reject(error: unknown): void;
}

/** Caps one group so a flood of requests still commits in steps of bounded size. */
const MAX_OPS_PER_GROUP = 2_000;
const queues = processWide("apply-queues", () => new Map<string, Waiting[]>());

/**
 * Each map's working doc: the queue's own, never handed to readers (they load and cache theirs
 * through doc-store), so the fast path changes it in place instead of copying records of thousands
 * of nodes on every commit. Present only while it equals the committed map; a group that fails
 * drops it, and the careful path builds it again. The least recently used are let go.
 */
const workingDocs = processWide("working-docs", () => new Map<string, { revision: number; doc: MapDoc }>());
const WORKING_DOCS = 200;

function keepWorking(mapId: string, revision: number, doc: MapDoc): void {
  workingDocs.delete(mapId);
  workingDocs.set(mapId, { revision, doc });
  if (workingDocs.size > WORKING_DOCS) workingDocs.delete(workingDocs.keys().next().value!);
}

export function applyClientOps(submission: Submission): Promise<OpsOutcome> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(submission.mapId);
    if (queue) queue.push({ submission, resolve, reject });
    else {
      queues.set(submission.mapId, [{ submission, resolve, reject }]);
      void drain(submission.mapId);
    }
  });
}

async function drain(mapId: string): Promise<void> {
  const queue = queues.get(mapId)!;
  // Before giving up, yield once: clients answered by the last commit often send again at once,
  // and waiting that one turn lets their ops share the next commit.
  while (queue.length > 0 || (await nextTurn(), queue.length > 0)) {
    const group = takeGroup(queue);
    const submissions = group.map((waiting) => waiting.submission);
    try {
      const client = await db();
      const result = (await commitFast(client, mapId, submissions)) ?? (await commitCarefully(mapId, submissions));
      committedHere(mapId, result.applied.map(({ entry }) => entry));
      group.forEach((waiting, i) => waiting.resolve(result.outcomes[i]!));
    } catch (error) {
      forget(mapId);
      workingDocs.delete(mapId);
      for (const waiting of group) waiting.reject(error);
    }
  }
  queues.delete(mapId);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function takeGroup(queue: Waiting[]): Waiting[] {
  let ops = 0;
  let count = 0;
  while (count < queue.length && (count === 0 || ops + queue[count]!.submission.ops.length <= MAX_OPS_PER_GROUP)) {
    ops += queue[count]!.submission.ops.length;
    count += 1;
  }
  return queue.splice(0, count);
}

/** Each op of a submission: already logged at a revision, or the index of its fresh op. */
type PlanStep = { clientOpId: string; logged: number } | { clientOpId: string; index: number };

const keyOf = (clientId: string, clientOpId: string) => `${clientId}\u0000${clientOpId}`;

/**
 * The fast path trusts this map's working doc and does not look for retried ops: it sends the
 * group's writes as one batch transaction, which commits only if the database is still at the
 * working doc's revision (groupWrites) and no op was logged before (the log's unique index). It
 * gives up, having written nothing, when an op is rejected, another process wrote or an op is a
 * retry; the careful path then reads everything.
 */
async function commitFast(client: Db, mapId: string, submissions: Submission[]): Promise<GroupResult | null> {
  const held = workingDocs.get(mapId);
  if (!held) return null;
  // Changed in place from here on: until the commit succeeds it is not the committed map.
  workingDocs.delete(mapId);
  const current = await catchUp(mapId, held);
  if (!current) return null;
  const result = planGroup(current, submissions, new Map(), true);
  if (result.rejections > 0) return null;
  try {
    await client.$transaction(withSignal(client, mapId, [...groupWrites(client, mapId, current.revision, result.applied), ...versionWrites(client, mapId, result.applied)], result.revision), TRANSACTION_LIMITS);
  } catch (error) {
    if (isUniqueViolation(error) || isRevisionConflict(error) || isBusy(error)) return null;
    throw error;
  }
  keepWorking(mapId, result.revision, result.doc);
  return result;
}

/**
 * Revisions other instances have announced (signals.ts), so the fast path knows its working doc
 * is behind before it tries, rather than by failing: the ops it missed are read from the log and
 * applied to the working doc (the tables equal the replayed log), then it commits as usual. Only
 * a commit that races one elsewhere still fails and goes the careful way.
 */
const announced = processWide("announced-revisions", () => new Map<string, number>());

export function revisionAnnounced(mapId: string, revision: number): void {
  if ((announced.get(mapId) ?? 0) >= revision) return;
  announced.delete(mapId);
  announced.set(mapId, revision);
  if (announced.size > WORKING_DOCS) announced.delete(announced.keys().next().value!);
}

async function catchUp(mapId: string, held: { revision: number; doc: MapDoc }): Promise<{ revision: number; doc: MapDoc } | null> {
  if ((announced.get(mapId) ?? 0) <= held.revision) return held;
  const entries = await replayFrom(mapId, held.revision);
  if (entries.length === 0) return held;
  if (entries[0]!.revision !== held.revision + 1) return null;
  const { doc, results } = applyEach(held.doc, entries.map((entry) => entry.op), { inPlace: true });
  return results.every((result) => result.ok) ? { revision: entries[entries.length - 1]!.revision, doc } : null;
}

/**
 * Reads the map and the log, then applies by copying: a loaded doc may be shared with readers.
 * Its first statement writes the map row, so the transaction holds the map's write lock before it
 * reads: another process (a second instance on PostgreSQL, a rolling restart on SQLite) commits
 * either wholly before the read or after this commit, never in between. On SQLite that also means
 * the snapshot cannot go stale (a read-then-write transaction would fail with SQLITE_BUSY_SNAPSHOT).
 */
async function commitCarefully(mapId: string, submissions: Submission[]): Promise<GroupResult> {
  const result = await writeTransaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Map" SET "revision" = "revision" WHERE "id" = ${mapId}`;
    forget(mapId);
    const current = await loadDoc(tx, mapId);
    if (!current) throw mapNotFound();
    const planned = planGroup(current, submissions, await alreadyLogged(tx, mapId, submissions), false);
    for (const statement of withSignal(tx, mapId, [...groupWrites(tx, mapId, current.revision, planned.applied), ...versionWrites(tx, mapId, planned.applied)], planned.revision)) await statement;
    return planned;
  });
  remember(mapId, result.revision, result.doc);
  const { doc } = result;
  keepWorking(mapId, result.revision, { ...doc, nodes: { ...doc.nodes }, edges: { ...doc.edges }, sources: { ...doc.sources } });
  return result;
}

/** The group's writes, then the signal that tells the other instances (sent when they commit). */
function withSignal(w: Db | Tx, mapId: string, writes: Statement[], revision: number): Statement[] {
  const signal = writes.length > 0 ? notifyInTransaction(w, { t: "op", m: mapId, r: revision }) : null;
  return signal ? [...writes, signal] : writes;
}

interface GroupResult {
  revision: number;
  doc: MapDoc;
  outcomes: OpsOutcome[];
  /** The new ops, as logged and with what each did. */
  applied: AppliedOp[];
  rejections: number;
}

/** What the group does to the map at `current`: each new op applied or rejected, at its revision. */
function planGroup(current: { revision: number; doc: MapDoc }, submissions: Submission[], logged: Map<string, number>, inPlace: boolean): GroupResult {
  // Which ops are new; a retry (logged before, or sent twice in this group) is answered, not applied.
  const fresh: { submission: Submission; clientOpId: string; op: Op }[] = [];
  const firstIndex = new Map<string, number>();
  const plan = submissions.map((submission) =>
    submission.ops.map(({ clientOpId, ...op }): PlanStep => {
      const key = keyOf(submission.clientId, clientOpId);
      const earlier = logged.get(key);
      if (earlier !== undefined) return { clientOpId, logged: earlier };
      if (!firstIndex.has(key)) {
        firstIndex.set(key, fresh.length);
        fresh.push({ submission, clientOpId, op: op as Op });
      }
      return { clientOpId, index: firstIndex.get(key)! };
    }),
  );

  const { doc, results } = applyEach(current.doc, fresh.map((entry) => entry.op), { inPlace });
  let revision = current.revision;
  const revisions: (number | null)[] = [];
  const applied: AppliedOp[] = [];
  results.forEach((result, i) => {
    if (!result.ok) return void revisions.push(null);
    revision += 1;
    revisions.push(revision);
    const { submission, clientOpId } = fresh[i]!;
    applied.push({ entry: { revision, clientId: submission.clientId, clientOpId, author: submission.author, op: result.op }, diff: result.diff });
  });

  const outcomes = plan.map((steps): OpsOutcome => {
    const outcome: OpsOutcome = { revision, applied: [], rejected: [] };
    for (const step of steps) {
      if ("logged" in step) outcome.applied.push({ clientOpId: step.clientOpId, revision: step.logged });
      else {
        const result = results[step.index]!;
        const at = revisions[step.index];
        if (result.ok && at) outcome.applied.push({ clientOpId: step.clientOpId, revision: at });
        else if (!result.ok) outcome.rejected.push({ clientOpId: step.clientOpId, error: result.error });
      }
    }
    return outcome;
  });
  return { revision, doc, outcomes, applied, rejections: results.length - applied.length };
}

/** Ops of these submissions that an earlier request already applied: key → revision. One query. */
async function alreadyLogged(tx: Tx, mapId: string, submissions: Submission[]): Promise<Map<string, number>> {
  const byClient = new Map<string, string[]>();
  for (const submission of submissions) {
    const ids = byClient.get(submission.clientId) ?? [];
    ids.push(...submission.ops.map((op) => op.clientOpId));
    byClient.set(submission.clientId, ids);
  }
  const rows = await tx.op.findMany({
    where: { mapId, OR: [...byClient].map(([clientId, ids]) => ({ clientId, clientOpId: { in: ids } })) },
    select: { clientId: true, clientOpId: true, revision: true },
  });
  return new Map(rows.map((row) => [keyOf(row.clientId, row.clientOpId), row.revision]));
}
