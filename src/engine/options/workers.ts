/** How many worker threads a search asks for: a number, or `auto` for one per available core but one. */
export type WorkerCount = number | 'auto';

/** How settings, and runs saved before `auto` was recorded, write an automatic count: they hold integers only. */
export const AUTO_WORKERS_AS_NUMBER = 0;

/** The count a stored value stands for. */
export function workerCountOf(stored: number | 'auto'): WorkerCount {
  return stored === AUTO_WORKERS_AS_NUMBER ? 'auto' : stored;
}

/** The request with a number lowered to the machine's `cores`: more threads than cores only slow a search. */
export function capWorkers(requested: WorkerCount, cores: number): WorkerCount {
  return requested === 'auto' ? 'auto' : Math.min(requested, cores);
}

/** The threads a search starts on a machine with `cores` available; throws `RangeError` on a bad count. */
export function workerThreads(requested: WorkerCount, cores: number): number {
  if (requested === 'auto') return Math.max(1, cores - 1);
  if (!Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`workers must be a positive integer or auto, got ${requested}`);
  }
  return Math.min(requested, cores);
}
