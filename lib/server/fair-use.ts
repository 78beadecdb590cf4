/**
 * What each kind of request costs, and whose buckets pay (rate-limit.ts): the client's address
 * always, the link when there is one, the sender for presence. The rates are in config.ts.
 */
import { limits, type Rate } from "./config";
import { charge } from "./rate-limit";

const ip = (client: string) => `ip:${client}`;
const link = (linkId: string) => `link:${linkId}`;
/** A tab sends presence at most 15 times a second (lib/sync/presence-client.ts). */
const PER_SENDER: Rate = { perSecond: 30, burst: 60 };
const times = (rate: Rate, factor: number): Rate => ({ perSecond: rate.perSecond * factor, burst: rate.burst * factor });

export function chargeCreate(client: string): void {
  charge([{ key: `create:${ip(client)}`, rate: limits.creates() }], "Too many new maps from your network in a short time; try again in a minute.");
}

export function chargeCopy(client: string, linkId: string): void {
  charge(
    [
      { key: `create:${ip(client)}`, rate: limits.creates() },
      { key: `copy:${link(linkId)}`, rate: limits.copiesPerLink() },
    ],
    "Too many copies in a short time; try again in a minute.",
  );
}

export function chargeImport(client: string): void {
  charge([{ key: `import:${ip(client)}`, rate: limits.imports() }], "Too many imports from your network in a short time; try again in a minute.");
}

export function chargeExport(client: string, linkId: string): void {
  const rate = limits.exports();
  charge(
    [
      { key: `export:${ip(client)}`, rate },
      { key: `export:${link(linkId)}`, rate },
    ],
    "Too many exports in a short time; try again in a minute.",
  );
}

export function chargePresence(client: string, linkId: string, sender: string): void {
  const rate = limits.presence();
  charge(
    [
      { key: `presence:${ip(client)}`, rate },
      { key: `presence:${link(linkId)}`, rate },
      { key: `presence:${linkId}:${sender}`, rate: PER_SENDER },
    ],
    "Too many presence updates; slow down.",
  );
}

/** A write's bytes, paid before it is parsed; a link's share, and five links' share per address. */
export function chargeWriteBytes(client: string, linkId: string, bytes: number): void {
  const rate = limits.writeBytes();
  charge(
    [
      { key: `write-bytes:${link(linkId)}`, rate, cost: bytes },
      { key: `write-bytes:${ip(client)}`, rate: times(rate, 5), cost: bytes },
    ],
    "Too much written on this link in a short time; slow down and try again.",
  );
}

export function chargeWriteOps(client: string, linkId: string, ops: number): void {
  const rate = limits.writeOps();
  charge(
    [
      { key: `write-ops:${link(linkId)}`, rate, cost: ops },
      { key: `write-ops:${ip(client)}`, rate: times(rate, 5), cost: ops },
    ],
    "Too many changes on this link at once; slow down and try again.",
  );
}
