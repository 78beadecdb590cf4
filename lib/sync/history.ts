/**
 * Per-user undo history, as in tldraw: only this tab's own actions enter it (remote ops never do),
 * one step per action. A step keeps each op with the ops that undo it. Undo sends those as new ops,
 * so the others see it too. When the server confirms one of my ops, its inverse is computed again
 * against the map exactly as the server had it just before: undo then restores what was there in
 * server order (someone else's text that landed first), not what my screen showed when I typed.
 */
import { inverseOf } from "../map/inverse";
import type { Op } from "../map/ops";
import type { MapDoc } from "../map/types";

export interface HistoryEntry {
  clientOpId: string;
  /** The op as it took effect (as logged, once confirmed). */
  op: Op;
  /** The ops that undo it. */
  inverse: Op[];
}

export type HistoryStep = HistoryEntry[];

export class History {
  private past: HistoryStep[] = [];
  private future: HistoryStep[] = [];
  private readonly byOpId = new Map<string, HistoryEntry>();

  constructor(private readonly limit = 200) {}

  record(step: HistoryStep): void {
    if (!step.some((entry) => entry.inverse.length > 0)) return;
    this.push(this.past, step);
    for (const dropped of this.future.splice(0)) this.forget(dropped);
  }

  takeUndo(): HistoryStep | undefined {
    return this.take(this.past);
  }

  takeRedo(): HistoryStep | undefined {
    return this.take(this.future);
  }

  /** After an undo was performed: the step that would redo it. */
  pushRedo(step: HistoryStep): void {
    if (step.length > 0) this.push(this.future, step);
  }

  /** After a redo was performed: back onto the undo stack without clearing the other redos. */
  pushUndo(step: HistoryStep): void {
    if (step.length > 0) this.push(this.past, step);
  }

  /** Takes the last undo step off the stack, if it is the one the predicate names. */
  retractLast(predicate: (step: HistoryStep) => boolean): boolean {
    const last = this.past.at(-1);
    if (!last || !predicate(last)) return false;
    this.take(this.past);
    return true;
  }

  /** The server logged my op: from now on it undoes relative to the map just before it, in server order. */
  confirm(clientOpId: string, logged: Op, before: MapDoc): void {
    const entry = this.byOpId.get(clientOpId);
    if (!entry) return;
    entry.op = logged;
    entry.inverse = inverseOf(before, logged);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  private push(stack: HistoryStep[], step: HistoryStep): void {
    stack.push(step);
    for (const entry of step) this.byOpId.set(entry.clientOpId, entry);
    if (stack.length > this.limit) this.forget(stack.shift()!);
  }

  private take(stack: HistoryStep[]): HistoryStep | undefined {
    const step = stack.pop();
    if (step) this.forget(step);
    return step;
  }

  private forget(step: HistoryStep): void {
    for (const entry of step) this.byOpId.delete(entry.clientOpId);
  }
}
