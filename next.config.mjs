/** @type {import('next').NextConfig} */

// Pages get a policy with a fresh script nonce per request (proxy.ts). API answers (JSON, event
// streams, exported SVG and PNG files) are data, never documents to run anything in.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

const nextConfig = {
  // NEXT_DIST_DIR lets several builds live side by side (e.g. tests and benchmarks running at once).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Database drivers load from node_modules at run time, never bundled (better-sqlite3 is native).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Capability URLs must never leak to other sites through Referer.
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
      {
        // Map pages (and their preview images) live at secret addresses: never index them.
        source: "/m/:path*",
        headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" }],
      },
    ];
  },
};

export default nextConfig;
