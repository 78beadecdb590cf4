// Runs once when the server starts: the demo debate must be there on first start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureDemoMap } = await import("./lib/server/demo");
  if (await ensureDemoMap()) console.log("Seeded the demo map.");
}
