import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createLane, type LaneOptions } from "./lane";

const options: LaneOptions = { concurrency: 1, maxWaiting: 6, maxWaitingPerClient: 3, jobSeconds: 10, what: "other imports" };
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("a lane of heavy work", () => {
  it("runs at most `concurrency` jobs at once and starts the next when one ends", async () => {
    const lane = createLane();
    const first = await lane.enter("a", { ...options, concurrency: 2 });
    await lane.enter("b", { ...options, concurrency: 2 });
    let thirdStarted = false;
    void lane.enter("c", { ...options, concurrency: 2 }).then(() => (thirdStarted = true));
    await settle();
    expect(lane.load()).toEqual({ running: 2, waiting: 1 });
    expect(thirdStarted).toBe(false);
    first();
    first(); // a second call of the same release changes nothing
    await settle();
    expect(thirdStarted).toBe(true);
    expect(lane.load()).toEqual({ running: 2, waiting: 0 });
  });

  it("takes clients in turns: one client's pile of jobs never makes another wait behind all of it", async () => {
    const lane = createLane();
    const order: string[] = [];
    const release = await lane.enter("attacker", options);
    const jobs = ["attacker", "attacker", "attacker", "teacher", "student"].map((client, i) =>
      lane.enter(client, options).then((done) => {
        order.push(`${client}${i}`);
        done();
      }),
    );
    release();
    await Promise.all(jobs);
    expect(order).toEqual(["attacker0", "teacher3", "student4", "attacker1", "attacker2"]);
  });

  it("answers 429 with Retry-After at once when a client's line or the whole queue is full", async () => {
    const lane = createLane();
    await lane.enter("a", options);
    for (let i = 0; i < 3; i++) void lane.enter("a", options);
    const mine = await lane.enter("a", options).catch((error: AppError) => error);
    expect(mine).toBeInstanceOf(AppError);
    expect((mine as AppError).status).toBe(429);
    expect((mine as AppError).headers["Retry-After"]).toBe("30");
    expect((mine as AppError).message).toMatch(/^Your earlier requests are still waiting/);
    for (let i = 0; i < 3; i++) void lane.enter(`b${i}`, options);
    const anyone = await lane.enter("c", options).catch((error: AppError) => error);
    expect((anyone as AppError).message).toMatch(/^The server is busy with other imports/);
    expect(lane.load()).toEqual({ running: 1, waiting: 6 });
  });
});
