import { sustained } from "./cluster/load";
import { closePostConnections } from "./sync/rooms";
const [a, b] = [4060, 4061];
const mode = process.argv[2];
const posters = Array.from({ length: 8 }, (_, i) => (mode === "two" && i % 2 === 1 ? b : a));
const listen = Array.from({ length: 50 }, (_, i) => (mode === "two" && i % 2 === 1 ? b : a));
for (const rate of [500, 1000]) {
  const t = Date.now();
  try { console.log(mode, rate, await sustained(a, posters, listen, rate, 2000), Date.now() - t); } catch (e) { console.log(rate, "FAILED", (e as Error).message); }
}
closePostConnections();
process.exit(0);
