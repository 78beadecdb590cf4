"use client";
/**
 * Reads one of the map's read-only JSON resources (history, recently deleted, contributions)
 * while `url` is set, and again a moment after `freshness` changes (the map's revision), so an
 * open list follows the map without a request per keystroke.
 */
import { useEffect, useState } from "react";

const SETTLE_MS = 400;

export function useMapJson<T>(url: string | null, freshness: unknown): { data: T | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; data: T | null; failed: boolean }>({ url: null, data: null, failed: false });
  useEffect(() => {
    if (url === null) return;
    const abort = new AbortController();
    const timer = setTimeout(
      () => {
        fetch(url, { signal: abort.signal, cache: "no-store" })
          .then((response) => (response.ok ? (response.json() as Promise<T>) : Promise.reject(new Error(String(response.status)))))
          .then((data) => setState({ url, data, failed: false }))
          .catch(() => !abort.signal.aborted && setState((previous) => ({ ...previous, url, failed: true })));
      },
      state.url === url ? SETTLE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // state.url is read only to know whether this is a first load.
  }, [url, freshness]);
  return state.url === url ? { data: state.data, failed: state.failed } : { data: null, failed: false };
}
