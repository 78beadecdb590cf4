/**
 * Every limit an operator can change, read from the environment (README, "Configuration", lists
 * them with these defaults). Read at each use, so a test or a restart with new values needs
 * nothing else. The defaults let a class of 40 behind one school NAT work at full speed.
 */

function numberFrom(name: string, fallback: number, { min = 0 }: { min?: number } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.warn(`${name}=${JSON.stringify(raw)} is not a number ≥ ${min}; using ${fallback}.`);
    return fallback;
  }
  return value;
}

/** A token bucket: `perSecond` sustained, `burst` at once. */
export interface Rate {
  perSecond: number;
  burst: number;
}

const perMinute = (name: string, fallback: number): Rate => {
  const count = numberFrom(name, fallback, { min: 1 });
  return { perSecond: count / 60, burst: count };
};

/** `ARGUMAP_RATE_LIMITS=off` lifts every rate limit (benchmarks measure capacity, not the limiter). */
export const rateLimitsOn = () => process.env.ARGUMAP_RATE_LIMITS !== "off";

/**
 * How many proxies in front of the server append to `X-Forwarded-For` (0: none, the socket's
 * address is the client's). `true` means one.
 */
export function trustedProxies(): number {
  const raw = process.env.ARGUMAP_TRUST_PROXY?.trim().toLowerCase();
  if (!raw || raw === "false" || raw === "0") return 0;
  if (raw === "true") return 1;
  return Math.floor(numberFrom("ARGUMAP_TRUST_PROXY", 1, { min: 1 }));
}

export const limits = {
  /** New maps (create and copy), per client address. */
  creates: () => perMinute("ARGUMAP_CREATES_PER_MINUTE", 120),
  /** Copies of one map, per link (a class copying the class map at once). */
  copiesPerLink: () => perMinute("ARGUMAP_COPIES_PER_MINUTE_PER_LINK", 120),
  imports: () => perMinute("ARGUMAP_IMPORTS_PER_MINUTE", 30),
  /** Exports per client address, and of one map per link. */
  exports: () => perMinute("ARGUMAP_EXPORTS_PER_MINUTE", 120),
  /** Presence heartbeats per client address and per link (each open tab sends at most 15 a second). */
  presence: (): Rate => {
    const perSecond = numberFrom("ARGUMAP_PRESENCE_PER_SECOND", 600, { min: 1 });
    return { perSecond, burst: perSecond * 2 };
  },
  /** Ops written per link; per client address five times as many (several maps from one school). */
  writeOps: (): Rate => {
    const perSecond = numberFrom("ARGUMAP_WRITE_OPS_PER_SECOND", 200, { min: 1 });
    return { perSecond, burst: perSecond * 10 };
  },
  writeBytes: (): Rate => {
    const perSecond = numberFrom("ARGUMAP_WRITE_BYTES_PER_SECOND", 1_000_000, { min: 1 });
    return { perSecond, burst: perSecond * 8 };
  },
};

/** Work that runs in a worker thread: how long it may take, how much heap it may use, how many at once. */
export interface WorkBudget {
  seconds: number;
  memoryMb: number;
  concurrency: number;
}

export const budgets = {
  import: (): WorkBudget => ({
    seconds: numberFrom("ARGUMAP_IMPORT_SECONDS", 10, { min: 0.1 }),
    // A map at every limit (5,000 nodes, 20,000 links) reads and lays out in under 96 MB.
    memoryMb: numberFrom("ARGUMAP_IMPORT_MEMORY_MB", 128, { min: 32 }),
    concurrency: Math.floor(numberFrom("ARGUMAP_IMPORT_CONCURRENCY", 1, { min: 1 })),
  }),
  render: (): WorkBudget => ({
    seconds: numberFrom("ARGUMAP_RENDER_SECONDS", 20, { min: 0.1 }),
    // 5,000 nodes of 2,000 characters each draw as a 25 MB SVG within it.
    memoryMb: numberFrom("ARGUMAP_RENDER_MEMORY_MB", 128, { min: 32 }),
    concurrency: Math.floor(numberFrom("ARGUMAP_RENDER_CONCURRENCY", 1, { min: 1 })),
  }),
};

/** Jobs waiting for a worker, in all and from one client address; more are answered 429. */
export const queueLimits = { total: 64, perClient: 8 };

export const presenceLimits = {
  /** A presentation to 200 followers (design.md's classroom budget), with the presenter's tabs. */
  peersPerMap: () => Math.floor(numberFrom("ARGUMAP_PRESENCE_PEERS", 250, { min: 1 })),
  bytesPerMap: () => numberFrom("ARGUMAP_PRESENCE_BYTES", 1_000_000, { min: 1_000 }),
};

/** Bytes an event stream may hold for a client that does not read them before it is dropped (it reconnects and resumes). */
export const streamBufferBytes = () => numberFrom("ARGUMAP_STREAM_BUFFER_BYTES", 1_000_000, { min: 64_000 });

/** Rendered exports kept, per map revision and format. */
export const exportCacheBytes = () => numberFrom("ARGUMAP_EXPORT_CACHE_MB", 64, { min: 0 }) * 1_000_000;
