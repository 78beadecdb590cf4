/**
 * A map whose op log is about 40 MB, written straight into the bench's database file before the
 * server starts (through lib/server, as the server would write it), so setting it up neither
 * depends on nor trips the server's write limits. Returns the map's view token.
 */
import { deployMigrations } from "../../scripts/migrate.mjs";

const OP_TEXT = 4_000;
const OPS = 10_000;
const PER_GROUP = 500;

export async function writeLongLog(databaseUrl: string, secret: string): Promise<{ viewToken: string; bytes: number }> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.ARGUMAP_SECRET = secret;
  await deployMigrations(databaseUrl);
  const { createMapFromDoc } = await import("../../lib/server/maps");
  const { applyClientOps } = await import("../../lib/server/apply-ops");
  const { resolveToken } = await import("../../lib/server/links");
  const { closeDb } = await import("../../lib/server/db");
  const { emptyDoc } = await import("../../lib/map/types");
  try {
    const created = await createMapFromDoc(emptyDoc({ title: "A long history" }), "http://bench");
    const viewToken = created.links.view.split("/m/")[1]!;
    const { mapId } = (await resolveToken(viewToken))!;
    const source = { id: "s1", title: "The source everyone keeps rewriting", publisher: "", author: "", date: "", url: "", text: "" };
    await applyClientOps({ mapId, clientId: "bench", author: "Bench", ops: [{ clientOpId: "source", type: "addSource", source }] });
    let bytes = 0;
    for (let group = 0; group < OPS / PER_GROUP; group++) {
      const ops = Array.from({ length: PER_GROUP }, (_, i) => {
        const n = group * PER_GROUP + i;
        const text = `Version ${n}. `.padEnd(OP_TEXT, "lorem ipsum dolor sit amet ");
        bytes += text.length;
        return { clientOpId: `edit-${n}`, type: "updateSource" as const, id: "s1", patch: { text } };
      });
      const outcome = await applyClientOps({ mapId, clientId: "bench", author: "Bench", ops });
      if (outcome.rejected.length > 0) throw new Error(`the long log could not be written: ${JSON.stringify(outcome.rejected[0])}`);
    }
    return { viewToken, bytes };
  } finally {
    await closeDb();
  }
}
