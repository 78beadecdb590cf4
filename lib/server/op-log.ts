/** Reading the op log: a map's ops after a revision, in order, a page at a time. */
import type { LoggedOp, Op } from "../map/ops";
import { readDb } from "./db";

const REPLAY_PAGE = 500;

export async function replayFrom(mapId: string, since: number): Promise<LoggedOp[]> {
  const client = await readDb();
  const entries: LoggedOp[] = [];
  let after = since;
  for (;;) {
    const rows = await client.op.findMany({ where: { mapId, revision: { gt: after } }, orderBy: { revision: "asc" }, take: REPLAY_PAGE });
    for (const row of rows) entries.push({ revision: row.revision, clientId: row.clientId, clientOpId: row.clientOpId, author: row.author, op: JSON.parse(row.payload) as Op });
    if (rows.length < REPLAY_PAGE) return entries;
    after = rows[rows.length - 1]!.revision;
  }
}
