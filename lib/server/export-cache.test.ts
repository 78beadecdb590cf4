import { afterEach, describe, expect, it } from "vitest";
import { cachedExport, clearExportCache, exportKey } from "./export-cache";

afterEach(() => {
  clearExportCache();
  delete process.env.ARGUMAP_EXPORT_CACHE_MB;
});

const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill);

describe("the export cache", () => {
  it("makes an export once per map revision and format, also for requests that arrive while it is being made", async () => {
    let made = 0;
    const make = async () => (made++, bytes(10));
    const key = exportKey("map", 7, "png");
    const [first, second] = await Promise.all([cachedExport(key, make), cachedExport(key, make)]);
    expect(await cachedExport(key, make)).toBe(first);
    expect(second).toBe(first);
    expect(made).toBe(1);
    await cachedExport(exportKey("map", 8, "png"), make);
    await cachedExport(exportKey("map", 7, "svg"), make);
    expect(made).toBe(3);
  });

  it("does not keep a failure: the next request tries again", async () => {
    const key = exportKey("map", 1, "png");
    await expect(cachedExport(key, () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(await cachedExport(key, async () => bytes(1))).toEqual(bytes(1));
  });

  it("keeps within ARGUMAP_EXPORT_CACHE_MB, letting the least recently used go first", async () => {
    process.env.ARGUMAP_EXPORT_CACHE_MB = "1";
    let made = 0;
    const make = (fill: number) => async () => (made++, bytes(250_000, fill));
    for (const revision of [1, 2, 3, 4]) await cachedExport(exportKey("map", revision, "png"), make(revision));
    await cachedExport(exportKey("map", 1, "png"), make(1)); // used again: now the most recent
    await cachedExport(exportKey("map", 5, "png"), make(5)); // 1 MB is full: revision 2 goes
    expect(made).toBe(5);
    await cachedExport(exportKey("map", 1, "png"), make(1));
    expect(made).toBe(5);
    await cachedExport(exportKey("map", 2, "png"), make(2));
    expect(made).toBe(6);
    // An export larger than a quarter of the cache is served but not kept.
    await cachedExport(exportKey("big", 1, "png"), async () => (made++, bytes(300_000)));
    await cachedExport(exportKey("big", 1, "png"), async () => (made++, bytes(300_000)));
    expect(made).toBe(8);
  });
});
