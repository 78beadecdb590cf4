/**
 * One op's transaction, in this process, no HTTP: applyClientOps (Prisma) vs a raw better-sqlite3
 * transaction doing the same writes, both WAL + synchronous=FULL in the same directory, interleaved
 * op by op; the indented rows show where the time of that op goes.
 */
import path from "node:path";
import type { BenchRow } from "../types";
import { percentile, row } from "./stats";

const TRANSACTION_WARMUP = 50;
const TRANSACTION_OPS = 300;
const LARGE_MAP_NODES = 2_000;

/** How long `run` takes, in milliseconds. */
async function elapsed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function measureTransactions(dir: string): Promise<BenchRow[]> {
  const prismaUrl = `file:${path.join(dir, "prisma.db")}`;
  const rawFile = path.join(dir, "raw.db");
  const { deployMigrations } = await import("../../scripts/migrate.mjs");
  await deployMigrations(prismaUrl);
  await deployMigrations(`file:${rawFile}`); // the same tables, indexes and constraints
  process.env.DATABASE_URL = prismaUrl;
  const { db, closeDb } = await import("../../lib/server/db");
  const { applyClientOps } = await import("../../lib/server/apply-ops");
  const { createMapFromDoc } = await import("../../lib/server/maps");
  const { emptyDoc } = await import("../../lib/map/types");
  const { parseOp } = await import("../../lib/map/ops");
  const Database = (await import("better-sqlite3")).default;

  const prisma = await db();
  const synchronous = (await prisma.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous"))[0]?.synchronous;
  if (Number(synchronous) !== 2) console.error(`sync: the Prisma connection runs with synchronous=${synchronous}, not FULL (2)`);

  const addNode = (tag: string, n: number) => {
    const parsed = parseOp({ type: "addNode", node: { id: `${tag}-${n}`, kind: "claim", text: `Claim ${n} of the transaction bench`, x: n, y: n } });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const op = parsed.op as Extract<typeof parsed.op, { type: "addNode" }>;
    return { ...op, clientOpId: `${tag}-${n}` };
  };

  const raw = new Database(rawFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = ON");
  raw.prepare(`INSERT INTO "Map" ("id", "title", "updatedAt") VALUES ('raw', 'raw', ?)`).run(new Date().toISOString());
  const insertNode = raw.prepare(`INSERT INTO "Node" ("mapId", "id", "kind", "text", "speaker", "sourceId", "quote", "quotePrefix", "quoteSuffix", "x", "y", "seq", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOp = raw.prepare(`INSERT INTO "Op" ("mapId", "revision", "clientId", "clientOpId", "author", "type", "payload", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateMap = raw.prepare(`UPDATE "Map" SET "revision" = ?, "updatedAt" = ? WHERE "id" = ?`);
  // Node history: an added node's first version (lib/server/node-history.ts), written with the op.
  const insertVersion = raw.prepare(`INSERT INTO "NodeVersion" ("mapId", "nodeId", "revision", "change", "node", "links") VALUES (?, ?, ?, 'created', ?, NULL)`);
  const findOp = raw.prepare(`SELECT * FROM "Op" WHERE "mapId" = ? AND "clientId" = ? AND "clientOpId" = ?`);
  const findMap = raw.prepare(`SELECT * FROM "Map" WHERE "id" = ?`);
  let rawRevision = 0;
  const writeRaw = (op: ReturnType<typeof addNode>) => {
    const now = new Date().toISOString();
    const revision = ++rawRevision;
    const { id, kind, text, speaker, sourceId, quote, quotePrefix, quoteSuffix, x, y } = op.node;
    insertNode.run("raw", id, kind, text, speaker, sourceId, quote, quotePrefix, quoteSuffix, x, y, revision, now, now);
    insertOp.run("raw", revision, "bench", op.clientOpId, "bench", op.type, JSON.stringify(op), now);
    insertVersion.run("raw", id, revision, JSON.stringify(op.node));
    updateMap.run(revision, now, "raw");
  };
  const rawWrites = raw.transaction(writeRaw);
  /** What applyClientOps asks of the database, statement for statement, without Prisma. */
  const rawSameInTransaction = raw.transaction((op: ReturnType<typeof addNode>) => {
    findOp.get("raw", "bench", op.clientOpId);
    findMap.get("raw");
    writeRaw(op);
  });
  const rawSameStatements = (op: ReturnType<typeof addNode>) => {
    rawSameInTransaction(op);
    findMap.get("raw");
  };

  const small = await createMapFromDoc(emptyDoc({ title: "Transaction bench" }), "http://127.0.0.1");
  const bigDoc = emptyDoc({ title: "Transaction bench, large map" });
  for (let i = 0; i < LARGE_MAP_NODES; i++) bigDoc.nodes[`seed-${i}`] = { id: `seed-${i}`, kind: "claim", text: `Seed claim ${i}`, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: i, y: i };
  const large = await createMapFromDoc(bigDoc, "http://127.0.0.1");
  const writesOnly = await createMapFromDoc(emptyDoc({ title: "writes only" }), "http://127.0.0.1");
  let writesRevision = 0;
  /** The writes of one addNode, as lazy Prisma promises (they run when awaited or batched). */
  const prismaWrites = (client: Pick<typeof prisma, "node" | "op" | "map">, op: ReturnType<typeof addNode>) => {
    const revision = ++writesRevision;
    const { clientOpId, ...body } = op;
    return [
      client.node.create({ data: { mapId: writesOnly.id, seq: revision, ...body.node } }),
      client.op.create({ data: { mapId: writesOnly.id, revision, clientId: "bench", clientOpId, author: "bench", type: body.type, payload: JSON.stringify(body) } }),
      client.map.update({ where: { id: writesOnly.id }, data: { revision } }),
    ] as const;
  };

  const times = { apply: [] as number[], applyLarge: [] as number[], raw: [] as number[], rawSame: [] as number[], interactive: [] as number[], batch: [] as number[], empty: [] as number[] };
  const deadline = performance.now() + 120_000;
  for (let n = 0; n < TRANSACTION_WARMUP + TRANSACTION_OPS && performance.now() < deadline; n++) {
    const keep = n >= TRANSACTION_WARMUP;
    const sample = async (into: number[], run: () => unknown) => {
      const ms = await elapsed(run);
      if (keep) into.push(ms);
    };
    // Interleaved one op at a time, so load on the machine falls on every variant alike.
    await sample(times.raw, () => rawWrites(addNode("raw", n)));
    await sample(times.apply, () => applyClientOps({ mapId: small.id, clientId: "bench", author: "bench", ops: [addNode("small", n)] }));
    await sample(times.rawSame, () => rawSameStatements(addNode("same", n)));
    await sample(times.applyLarge, () => applyClientOps({ mapId: large.id, clientId: "bench", author: "bench", ops: [addNode("large", n)] }));
    await sample(times.interactive, () =>
      prisma.$transaction(async (tx) => {
        for (const write of prismaWrites(tx, addNode("interactive", n))) await write;
      }),
    );
    await sample(times.batch, () => prisma.$transaction([...prismaWrites(prisma, addNode("batch", n))]));
    await sample(times.empty, () => prisma.$transaction(async () => undefined));
  }
  raw.close();
  await closeDb();

  const p50 = (values: number[]) => percentile(values, 50);
  const base = p50(times.raw);
  const ratio = p50(times.apply) / base;
  const ops = times.apply.length;
  return [
    row(`one op, applyClientOps p50 (Prisma, addNode on an empty map, ${ops} ops) vs raw better-sqlite3 tx, same writes`, p50(times.apply), base, "ms", "≤ 5× raw", ratio <= 5),
    row(`  raw better-sqlite3 doing applyClientOps's statements (2 reads, 4 writes, 1 read) vs raw writes`, p50(times.rawSame), base, "ms"),
    row(`  applyClientOps p50 on a ${LARGE_MAP_NODES}-node map vs raw writes`, p50(times.applyLarge), base, "ms"),
    row(`  Prisma interactive $transaction, the 3 writes only, vs raw writes`, p50(times.interactive), base, "ms"),
    row(`  Prisma batch $transaction([3 writes]) vs raw writes`, p50(times.batch), base, "ms"),
    row(`  Prisma empty interactive $transaction (no commit to disk) vs raw writes`, p50(times.empty), base, "ms"),
  ];
}
