/**
 * One id per browser, shared by its tabs and kept in localStorage: the room counts a person's vote
 * once per step however many tabs they open (the same key and shape as the presence identity's
 * person id, so both name the same person).
 */
import { newId } from "../map/ids";

export const PERSON_KEY = "argumap:person";
const PERSON_PATTERN = /^u_[A-Za-z0-9_-]{16}$/;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

export function personId(storage: Storage | null = typeof localStorage === "undefined" ? null : localStorage): string {
  try {
    const saved = storage?.getItem(PERSON_KEY) ?? "";
    if (PERSON_PATTERN.test(saved)) return saved;
    const fresh = newId("u");
    storage?.setItem(PERSON_KEY, fresh);
    return fresh;
  } catch {
    return newId("u");
  }
}
