/** The few HTTP calls the pages make besides syncing: create, copy and import a map. */
import type { ImportReport } from "@/lib/map/exchange/importReport";

export interface MapLinks {
  owner: string;
  edit: string;
  view: string;
}

export interface CreatedMap {
  id: string;
  links: MapLinks;
  /** An import's title, as the server read it from the file. */
  title?: string;
  /** An import's report: what it created, and what of the file it could not represent. */
  report?: ImportReport;
}

export type RequestResult<T> = { ok: true; value: T } | { ok: false; message: string };

function isCreatedMap(value: unknown): value is CreatedMap {
  const links = (value as { links?: Partial<MapLinks> } | null)?.links;
  return typeof links?.owner === "string" && typeof links.edit === "string" && typeof links.view === "string";
}

async function post(url: string, body?: string, contentType = "application/json"): Promise<RequestResult<CreatedMap>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: body === undefined ? undefined : { "content-type": contentType },
      body,
    });
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // an empty or non-JSON body: fall through to a message from the status
  }
  if (response.ok && isCreatedMap(payload)) return { ok: true, value: payload };
  const message = (payload as { error?: { message?: unknown } } | null)?.error?.message;
  return {
    ok: false,
    message: typeof message === "string" && message ? message : `The server could not do that (error ${response.status}).`,
  };
}

export function createMap(title: string): Promise<RequestResult<CreatedMap>> {
  return post("/api/maps", JSON.stringify({ title }));
}

export function copyMap(token: string): Promise<RequestResult<CreatedMap>> {
  return post(`/api/maps/${encodeURIComponent(token)}/copy`);
}

/** The text of a map file, sent as it is: JSON (Argumap's or AIF) or Argdown text. The server validates it. */
export function importMap(text: string, format: "json" | "argdown"): Promise<RequestResult<CreatedMap>> {
  return post("/api/maps/import", text, format === "json" ? "application/json" : "text/plain; charset=utf-8");
}
