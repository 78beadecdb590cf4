/** This browser's own votes in a presentation session, so a reload still shows what it chose. */
import type { Vote } from "@/lib/map/room/reactions";

const key = (sessionId: string) => `argumap:votes:${sessionId}`;

export function loadVotes(sessionId: string): Record<number, Vote> {
  try {
    const saved = JSON.parse(localStorage.getItem(key(sessionId)) ?? "{}") as unknown;
    return saved && typeof saved === "object" ? (saved as Record<number, Vote>) : {};
  } catch {
    return {};
  }
}

export function saveVotes(sessionId: string, votes: Record<number, Vote>): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(votes));
  } catch {
    // A full or disabled storage only loses the highlight after a reload; the server has the vote.
  }
}
