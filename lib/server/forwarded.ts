/**
 * Who is asking, and at which address they reached us. `X-Forwarded-*` headers are anyone's to
 * send, so they count only when ARGUMAP_TRUST_PROXY says how many proxies of ours append to them;
 * otherwise the socket's peer is the client and the `Host` header names the site. (Next.js sets
 * `X-Forwarded-For` only when the request has none, so a route that must know the client's
 * address reads the socket: a Node API route, not an App Router handler.)
 */
import { trustedProxies } from "./config";

type HeaderValue = string | string[] | null | undefined;
const first = (value: HeaderValue) => (Array.isArray(value) ? value[0] : value) ?? undefined;

/**
 * The client's address, as the rate limits key it: IPv4 as is, IPv6 by its /64 (one household or
 * host gets a whole /64, so single IPv6 addresses would cost an attacker nothing).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: HeaderValue): string {
  const proxies = trustedProxies();
  let address = socketAddress ?? "unknown";
  if (proxies > 0) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
    // Each trusted proxy appended the address it was reached from; what came before is the client's own claim.
    const fromProxies = hops.slice(Math.max(0, hops.length - proxies));
    address = fromProxies[0] ?? address;
  }
  return addressKey(address);
}

function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(":")) return bare;
  return `${expandIpv6(bare).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

/** The origin (scheme, host, port) users reached us at: for full link URLs and previews. */
export function siteOrigin(headers: { get(name: string): string | null }): string {
  const host = headers.get("host") ?? "localhost";
  if (trustedProxies() === 0) return `http://${host}`;
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${forwardedProto === "https" ? "https" : "http"}://${forwardedHost || host}`;
}

/** Node's header object read like a web `Headers`. */
export function nodeHeaders(headers: Record<string, HeaderValue>): { get(name: string): string | null } {
  return { get: (name) => first(headers[name.toLowerCase()]) ?? null };
}
