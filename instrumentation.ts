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
}
