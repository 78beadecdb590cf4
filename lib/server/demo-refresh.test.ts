/** Seeding and refreshing the demo on a real SQLite file: old installs get the current demo. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { demoContent, demoDoc, ensureDemoMap } from "./demo";
import { loadDoc } from "./doc-store";
import { DEMO_MAP_ID } from "./links";
import { writeNewMap } from "./maps";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const storedDemo = async () => (await db()).$transaction((tx) => loadDoc(tx, DEMO_MAP_ID));

/** An older release's demo: a source carrying a whole article, and a claim this release dropped. */
async function installOldDemo() {
  const client = await db();
  await client.map.deleteMany({ where: { id: DEMO_MAP_ID } });
  const old = demoDoc();
  const [firstSource] = Object.values(old.sources);
  old.sources[firstSource!.id] = { ...firstSource!, text: "The whole article, copied word for word. ".repeat(200) };
  old.nodes["dropped-claim"] = { ...Object.values(old.nodes)[0]!, id: "dropped-claim", text: "A claim an older demo had" };
  await client.$transaction((tx) => writeNewMap(tx, DEMO_MAP_ID, old));
}

describe("ensureDemoMap", () => {
  it("seeds the demo on first start and leaves a current demo alone afterwards", async () => {
    expect(await ensureDemoMap()).toBe("created");
    const first = await storedDemo();
    expect(demoContent(first!.doc)).toBe(demoContent(demoDoc()));
    expect(await ensureDemoMap()).toBe(false);
    expect((await storedDemo())!.revision).toBe(first!.revision);
  });

  it("replaces an older release's demo: its copied text and dropped claims are gone", async () => {
    await installOldDemo();
    expect(demoContent((await storedDemo())!.doc)).not.toBe(demoContent(demoDoc()));
    expect(await ensureDemoMap()).toBe("refreshed");
    const refreshed = (await storedDemo())!;
    expect(demoContent(refreshed.doc)).toBe(demoContent(demoDoc()));
    expect(refreshed.doc.nodes["dropped-claim"]).toBeUndefined();
    // The op log is the new demo's alone, so replaying it gives the same map.
    const ops = await (await db()).op.count({ where: { mapId: DEMO_MAP_ID } });
    expect(ops).toBe(refreshed.revision);
  });

  it("two processes starting at once both succeed and leave one current demo", async () => {
    await installOldDemo();
    const results = await Promise.all([ensureDemoMap(), ensureDemoMap()]);
    expect(results).toContain("refreshed");
    expect(demoContent((await storedDemo())!.doc)).toBe(demoContent(demoDoc()));
    expect(await (await db()).map.count({ where: { id: DEMO_MAP_ID } })).toBe(1);
  });
});
