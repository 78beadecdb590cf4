// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { collectGarbageSooner } = await import("./lib/server/heap");
  collectGarbageSooner();
  // The demo debate must be there on first start.
  const { ensureDemoMap } = await import("./lib/server/demo");
  const seeded = await ensureDemoMap();
  if (seeded) console.log(seeded === "created" ? "Seeded the demo map." : "Replaced the demo map with this release's.");
  const { closeStreamsOnShutdown } = await import("./lib/server/events");
  closeStreamsOnShutdown();
  // Other instances on the same database: their ops, revoked links and presence reach this one.
  const { joinCluster } = await import("./lib/server/cluster");
  joinCluster();
  // Maps from before node history existed get theirs, in the background (once per map).
  const { backfillNodeHistory } = await import("./lib/server/node-history-backfill");
  void backfillNodeHistory().then(
    (maps) => maps > 0 && console.log(`Node history written for ${maps} older map(s).`),
    (error: unknown) => console.error("node history backfill failed", error),
  );
}
