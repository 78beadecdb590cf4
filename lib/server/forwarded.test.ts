import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, siteOrigin } from "./forwarded";
import { requireSameOrigin } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

afterEach(() => {
  delete process.env.ARGUMAP_TRUST_PROXY;
});

describe("client address", () => {
  it("is the socket's peer, whatever X-Forwarded-For claims, unless a proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    process.env.ARGUMAP_TRUST_PROXY = "1";
    expect(clientAddress("10.0.0.2", "198.51.100.1")).toBe("198.51.100.1");
  });

  it("with a trusted proxy, skips what the client itself put in front", () => {
    process.env.ARGUMAP_TRUST_PROXY = "true";
    expect(clientAddress("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7")).toBe("198.51.100.7");
    process.env.ARGUMAP_TRUST_PROXY = "2";
    expect(clientAddress("10.0.0.3", ["1.1.1.1, 198.51.100.7", "10.0.0.2"])).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.3", undefined)).toBe("10.0.0.3");
  });

  it("keys IPv6 clients by their /64 and IPv4-mapped addresses as IPv4", () => {
    expect(clientAddress("2001:db8:1:2:aaaa::1", undefined)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee", undefined)).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8::1", undefined)).toBe("2001:db8:0:0::/64");
    expect(clientAddress("::ffff:192.0.2.4", undefined)).toBe("192.0.2.4");
  });
});

describe("site origin", () => {
  it("comes from Host; X-Forwarded-Host and -Proto count only behind a trusted proxy", () => {
    const sent = headers({ host: "argumap.example:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(siteOrigin(sent)).toBe("http://argumap.example:3000");
    process.env.ARGUMAP_TRUST_PROXY = "1";
    expect(siteOrigin(sent)).toBe("https://evil.example");
  });
});

describe("same-origin check on state-changing requests", () => {
  const refused = (method: string, entries: Record<string, string>) => {
    try {
      requireSameOrigin(method, headers({ host: "argumap.example", ...entries }));
      return null;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };

  it("accepts our own pages and clients that send no Origin (curl, scripts)", () => {
    expect(refused("POST", { origin: "http://argumap.example" })).toBeNull();
    expect(refused("POST", { origin: "https://argumap.example" })).toBeNull();
    expect(refused("POST", {})).toBeNull();
    expect(refused("DELETE", { "sec-fetch-site": "same-origin" })).toBeNull();
  });

  it("refuses another site's page with 403, and reads stay open", () => {
    expect(refused("POST", { origin: "https://evil.example" })).toBe(403);
    expect(refused("POST", { origin: "null" })).toBe(403);
    expect(refused("POST", { "sec-fetch-site": "cross-site" })).toBe(403);
    expect(refused("GET", { origin: "https://evil.example" })).toBeNull();
  });

  it("behind a trusted proxy, accepts the public host the proxy forwards", () => {
    process.env.ARGUMAP_TRUST_PROXY = "1";
    expect(refused("POST", { origin: "https://maps.school.example", "x-forwarded-host": "maps.school.example", "x-forwarded-proto": "https" })).toBeNull();
    expect(refused("POST", { origin: "https://evil.example", "x-forwarded-host": "maps.school.example" })).toBe(403);
  });
});
