/**
 * Join codes through the real routes on a real SQLite file: the owner makes and stops them, a code
 * opens its link with its role, and wrong, expired, stopped and retired codes all get one clear
 * 404, while guessing runs into the limits long before it could find a code.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import joinRoute from "../../pages/api/join";
import codesRoute from "../../pages/api/maps/[token]/join-codes/index";
import codeRoute from "../../pages/api/maps/[token]/join-codes/[code]";
import * as rotateRoute from "../../app/api/maps/[token]/links/rotate/route";
import { JOIN_CODE_ALPHABET, JOIN_CODES_PER_MAP, normalizeJoinCode, type JoinCodeView } from "../map/room/joinCode";
import { readDb } from "./db";
import { createJoinCode, GUESSES_PER_ADDRESS, GUESSES_PER_SERVER, redeemJoinCode, resetJoinGuesses } from "./join-codes";
import { resolveToken } from "./links";
import { callNodeRoute, postJson } from "./testing/node-route";
import { newRoomMap } from "./testing/room";
import { useTempDatabase } from "./testing/temp-database";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => resetJoinGuesses());

const makeCode = (token: string, body: unknown) => postJson(codesRoute, { token }, body);
const join = (code: string) => postJson(joinRoute, {}, { code });
const revoke = (token: string, code: string) => callNodeRoute(codeRoute, { method: "DELETE", params: { token, code } });

async function codeFor(token: string, role: "view" | "edit", minutes = 30): Promise<JoinCodeView> {
  const response = await makeCode(token, { role, minutes });
  expect(response.status).toBe(201);
  return (await response.json()) as JoinCodeView;
}

/** A well-formed code that is not `code`. */
const otherThan = (code: string, seed: number) => {
  const letters = [...code];
  letters[seed % 6] = JOIN_CODE_ALPHABET[(JOIN_CODE_ALPHABET.indexOf(letters[seed % 6]!) + 1 + (seed % 29)) % JOIN_CODE_ALPHABET.length]!;
  return letters.join("");
};

describe("making and using a join code", () => {
  it("the owner gets a 6-character code with its expiry and a /join address; a room joins with its role", async () => {
    const map = await newRoomMap();
    const before = Date.now();
    const edit = await codeFor(map.owner, "edit", 45);
    expect(edit.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(Date.parse(edit.expiresAt) - before).toBeGreaterThanOrEqual(45 * 60_000 - 1_000);
    expect(edit.url).toBe(`http://127.0.0.1/join?code=${edit.code.slice(0, 3)}-${edit.code.slice(3)}`.replace("127.0.0.1", new URL(edit.url).host));
    const joined = (await (await join(edit.code.toLowerCase())).json()) as { token: string; role: string };
    expect(joined).toEqual({ token: map.edit, role: "edit" });
    const view = await codeFor(map.owner, "view");
    expect(await (await join(`${view.code.slice(0, 3)} - ${view.code.slice(3)}`)).json()).toEqual({ token: map.view, role: "view" });
  });

  it("only the owner makes, lists and stops codes", async () => {
    const map = await newRoomMap();
    for (const token of [map.edit, map.view]) expect((await makeCode(token, { role: "view", minutes: 10 })).status).toBe(403);
    const code = await codeFor(map.owner, "view");
    expect((await revoke(map.edit, code.code)).status).toBe(403);
    expect((await callNodeRoute(codesRoute, { params: { token: map.edit } })).status).toBe(403);
    const listed = (await (await callNodeRoute(codesRoute, { params: { token: map.owner } })).json()) as { codes: JoinCodeView[] };
    expect(listed.codes.map((entry) => [entry.code, entry.role])).toEqual([[code.code, "view"]]);
  });

  it("refuses a bad request with 400 and says why", async () => {
    const map = await newRoomMap();
    for (const body of [{ role: "owner", minutes: 10 }, { role: "view", minutes: 0 }, { role: "view", minutes: 24 * 60 + 1 }, { role: "view", minutes: 1.5 }]) {
      const response = await makeCode(map.owner, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
  });

  it("keeps no code in the database: only a keyed hash and a nonce", async () => {
    const map = await newRoomMap();
    const { code } = await codeFor(map.owner, "edit");
    const rows = await (await readDb()).joinCode.findMany({ where: { mapId: map.mapId } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a map has at most a limited number of live codes", async () => {
    const map = await newRoomMap();
    for (let i = 0; i < JOIN_CODES_PER_MAP; i++) await codeFor(map.owner, "view");
    const response = await makeCode(map.owner, { role: "view", minutes: 5 });
    expect(response.status).toBe(409);
  });
});

describe("codes that no longer work", () => {
  const wrong = { error: { code: "not_found", message: expect.stringMatching(/expired or been closed/) } };

  it("an expired code gets the same 404 as a wrong one", async () => {
    const map = await newRoomMap();
    const { mapId } = (await resolveToken(map.owner))!;
    const longAgo = new Date(Date.now() - 2 * 60 * 60_000);
    const expired = await createJoinCode(mapId, "view", 60, "http://test", longAgo);
    const response = await join(expired.code);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(wrong);
    const fresh = await createJoinCode(mapId, "view", 60, "http://test", new Date(Date.now() - 59 * 60_000));
    await expect(redeemJoinCode(fresh.code, "clock", Date.now())).resolves.toMatchObject({ role: "view" });
    await expect(redeemJoinCode(fresh.code, "clock", Date.now() + 61_000)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a stopped code no longer joins, and stopping is the owner's, for this map's codes only", async () => {
    const map = await newRoomMap();
    const other = await newRoomMap();
    const { code } = await codeFor(map.owner, "edit");
    expect((await revoke(other.owner, code)).status).toBe(404);
    expect((await join(code)).status).toBe(200);
    expect((await revoke(map.owner, code)).status).toBe(204);
    expect((await join(code)).status).toBe(404);
    expect((await revoke(map.owner, code)).status).toBe(404);
  });

  it("replacing the link retires the codes made for it", async () => {
    const map = await newRoomMap();
    const { code } = await codeFor(map.owner, "edit");
    await rotateRoute.POST(new Request("http://test/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "edit" }) }), { params: Promise.resolve({ token: map.owner }) });
    expect((await join(code)).status).toBe(404);
  });
});

describe("guessing", () => {
  it("one address runs out of wrong guesses (429 with Retry-After) long before the code space; a right code from another address still works", async () => {
    const map = await newRoomMap();
    const { code } = await codeFor(map.owner, "view");
    const address = "203.0.113.7";
    let refused = 0;
    for (let i = 0; i < GUESSES_PER_ADDRESS.burst + 5; i++) {
      await redeemJoinCode(otherThan(code, i), address).catch((error: { code: string }) => {
        if (error.code === "rate_limited") refused += 1;
        else expect(error.code).toBe("not_found");
      });
    }
    expect(refused).toBe(5);
    // Even the right code waits: the limit is checked before any lookup, so it leaks nothing.
    await expect(redeemJoinCode(code, address)).rejects.toMatchObject({ code: "rate_limited", headers: { "Retry-After": expect.stringMatching(/^\d+$/) } });
    await expect(redeemJoinCode(code, "198.51.100.1")).resolves.toMatchObject({ token: map.view });
    // After a minute the address has a few guesses again.
    await expect(redeemJoinCode(code, address, Date.now() + 60_000)).resolves.toMatchObject({ role: "view" });
  });

  it("guesses from many addresses share one server-wide budget", async () => {
    const map = await newRoomMap();
    const { code } = await codeFor(map.owner, "view");
    const outcomes: string[] = [];
    // Every guess at one instant: on a slow machine the loop took long enough to refill a token.
    const now = Date.now();
    for (let i = 0; i < GUESSES_PER_SERVER.burst + 3; i++) {
      await redeemJoinCode(otherThan(code, i), `10.0.${Math.floor(i / 200)}.${i % 200}`, now).catch((error: { code: string }) => outcomes.push(error.code));
    }
    expect(outcomes.filter((outcome) => outcome === "rate_limited")).toHaveLength(3);
  });

  it("typing mistakes that cannot be a code never use the shared budget", async () => {
    for (let i = 0; i < GUESSES_PER_SERVER.burst + 10; i++) {
      await expect(redeemJoinCode("hello!", `192.0.2.${i % 250}:${i}`)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(normalizeJoinCode("k7m-p2q")).toBe("K7MP2Q");
  });
});
