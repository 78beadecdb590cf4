import { describe, expect, it } from "vitest";
import { COLOUR_KEY, NAME_KEY, PALETTE, cleanName, contrastWithWhite, initialsOf, loadIdentity, saveName, sessionColour } from "./identity";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe("identity", () => {
  it("every palette colour carries white text at WCAG AA", () => {
    for (const colour of PALETTE) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("a first visit suggests a guest name, asks for one, and keeps the colour it chose", () => {
    const storage = memoryStorage();
    const first = loadIdentity(storage, () => 0.5);
    expect(first.askName).toBe(true);
    expect(first.name).toMatch(/^Guest \d{2}$/);
    expect(PALETTE).toContain(first.colour);
    expect(loadIdentity(storage, () => 0.01).colour).toBe(first.colour);
  });

  it("a saved name is not asked again", () => {
    const storage = memoryStorage();
    saveName(storage, loadIdentity(storage), "  Ada   Lovelace ");
    expect(storage.items.get(NAME_KEY)).toBe("Ada Lovelace");
    expect(loadIdentity(storage)).toMatchObject({ name: "Ada Lovelace", askName: false });
  });

  it("an empty answer keeps the suggestion and still counts as answered", () => {
    const storage = memoryStorage();
    const saved = saveName(storage, loadIdentity(storage, () => 0), "   ");
    expect(saved).toMatchObject({ name: "Guest 10", askName: false });
    expect(loadIdentity(storage).name).toBe("Guest 10");
  });

  it("a colour that is not in the palette is replaced", () => {
    const storage = memoryStorage({ [COLOUR_KEY]: "#ffffff" });
    expect(PALETTE).toContain(loadIdentity(storage).colour);
  });

  it("names are one line and within the presence limit", () => {
    expect(cleanName("a\nb")).toBe("a b");
    expect(cleanName("x".repeat(100))).toHaveLength(60);
  });

  it("initials take the first and last word", () => {
    expect(initialsOf("Ada Lovelace")).toBe("AL");
    expect(initialsOf("Condoleezza Rice Smith")).toBe("CS");
    expect(initialsOf("zoë")).toBe("ZO");
    expect(initialsOf("Guest 12")).toBe("G12");
    expect(initialsOf("")).toBe("?");
  });

  it("works without storage at all", () => {
    expect(loadIdentity(null).askName).toBe(true);
  });

  it("of two people with the same colour, the one who comes second shows a free one", () => {
    const [first, second, third] = PALETTE;
    expect(sessionColour(first, "b", [{ clientId: "a", colour: first }])).toBe(second);
    expect(sessionColour(first, "a", [{ clientId: "b", colour: first }])).toBe(first);
    expect(sessionColour(first, "c", [{ clientId: "a", colour: first }, { clientId: "b", colour: second }])).toBe(third);
    expect(sessionColour(first, "b", [{ clientId: "a", colour: second }])).toBe(first);
    const everyColour = PALETTE.map((colour, i) => ({ clientId: `a${i}`, colour }));
    expect(sessionColour(first, "z", everyColour)).toBe(first);
  });
});
