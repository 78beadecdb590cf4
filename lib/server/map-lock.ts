/** Runs tasks for one map one at a time in this process (ops of a map are applied in order). */
const tails = new Map<string, Promise<unknown>>();

export function withMapLock<T>(mapId: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(mapId) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(mapId, tail);
  void tail.then(() => {
    if (tails.get(mapId) === tail) tails.delete(mapId);
  });
  return run;
}
