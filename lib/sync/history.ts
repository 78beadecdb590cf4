/**
 * Per-user undo history: each step holds the ops that undo one user action. Only local actions
 * enter it; remote ops never do. Undoing sends the inverse as new ops, so others see it too.
 */
import type { Op } from "../map/ops";

export interface HistoryStep {
  undo: Op[];
  redo: Op[];
}

export class History {
  private past: HistoryStep[] = [];
  private future: HistoryStep[] = [];

  constructor(private readonly limit = 200) {}

  record(step: HistoryStep): void {
    if (step.undo.length === 0) return;
    this.past.push(step);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  takeUndo(): HistoryStep | undefined {
    return this.past.pop();
  }

  takeRedo(): HistoryStep | undefined {
    return this.future.pop();
  }

  /** After an undo was performed: the step that would redo it. */
  pushRedo(step: HistoryStep): void {
    if (step.undo.length > 0) this.future.push(step);
  }

  /** After a redo was performed: back onto the undo stack without clearing the other redos. */
  pushUndo(step: HistoryStep): void {
    if (step.undo.length > 0) this.past.push(step);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
