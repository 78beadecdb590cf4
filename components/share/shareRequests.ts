/** The owner's calls about links: read the current ones, and replace the edit or view link. */
import { tokenFromLink } from "@/lib/recent-maps";

export type ShareRole = "edit" | "view";
/** Link tokens by role; the page builds full addresses from its own origin. */
export type ShareTokens = Partial<Record<"owner" | "edit" | "view", string>>;

export type ShareResult = { ok: true; tokens: ShareTokens } | { ok: false; message: string };

function tokensFrom(links: unknown): ShareTokens | null {
  if (!links || typeof links !== "object") return null;
  const tokens: ShareTokens = {};
  for (const role of ["owner", "edit", "view"] as const) {
    const link = (links as Record<string, unknown>)[role];
    const token = typeof link === "string" ? tokenFromLink(link) : null;
    if (token) tokens[role] = token;
  }
  return tokens;
}

async function request(url: string, init?: RequestInit): Promise<ShareResult> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
  const payload = (await response.json().catch(() => null)) as { links?: unknown; error?: { message?: unknown } } | null;
  const tokens = response.ok ? tokensFrom(payload?.links) : null;
  if (tokens) return { ok: true, tokens };
  const message = payload?.error?.message;
  return { ok: false, message: typeof message === "string" && message ? message : `The server could not do that (error ${response.status}).` };
}

export function fetchShareTokens(token: string): Promise<ShareResult> {
  return request(`/api/maps/${encodeURIComponent(token)}`);
}

export function rotateShareLink(token: string, role: ShareRole): Promise<ShareResult> {
  return request(`/api/maps/${encodeURIComponent(token)}/links/rotate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role }),
  });
}
