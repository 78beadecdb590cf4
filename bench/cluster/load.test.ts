/** The saturation climb of the cluster bench: what "stops keeping up" means, on made-up servers. */
import { describe, expect, it } from "vitest";
import { saturate, type LoadRun } from "./load";

/** A server that delivers `deliver(offered)` ops/s; `null` = the run failed (a request timed out). */
const server = (deliver: (offered: number) => number | null) => {
  const offeredRates: number[] = [];
  const run = async (offered: number): Promise<LoadRun> => {
    offeredRates.push(offered);
    const opsPerSecond = deliver(offered);
    if (opsPerSecond === null) throw new Error("timed out");
    return { offered, delivered: opsPerSecond * 2, opsPerSecond };
  };
  return { run, offeredRates };
};
const RATES = [1_000, 2_000, 4_000, 8_000, 16_000];

describe("saturate", () => {
  it("climbs past a low rate that latency alone kept short, and stops once offering more brings no more", async () => {
    // Latency-bound at 1,000 (70 %), then keeps up, then flat at 3,000.
    const { run, offeredRates } = server((offered) => (offered === 1_000 ? 700 : Math.min(offered * 0.95, 3_000)));
    const result = await saturate(run, RATES);
    expect(result.capacity).toBe(3_000);
    expect(offeredRates).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("keeps climbing while the delivered rate keeps growing, even short of what is offered", async () => {
    const { run, offeredRates } = server((offered) => offered * 0.6);
    expect((await saturate(run, RATES)).capacity).toBe(9_600);
    expect(offeredRates).toEqual(RATES);
  });

  it("a run that fails ends the climb; the capacity is the best run before it", async () => {
    const { run } = server((offered) => (offered >= 4_000 ? null : offered));
    expect(await saturate(run, RATES)).toMatchObject({ capacity: 2_000, runs: [{ offered: 1_000 }, { offered: 2_000 }] });
  });

  it("says so when not even the lowest rate completes", async () => {
    await expect(saturate(server(() => null).run, RATES)).rejects.toThrow("not even the lowest offered rate completed");
  });
});
