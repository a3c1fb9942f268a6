/** An error whose message says what was being waited for, and where to look. */
export class HarnessTimeoutError extends Error {
  override readonly name = 'HarnessTimeoutError';
}

/**
 * Settles like `work`, or rejects after `ms` with "Timed out after N s <what>". The work itself is not
 * cancelled; callers that can clean up should do so in their own `finally`.
 */
export async function within<T>(ms: number, what: string, work: Promise<T> | (() => Promise<T>), hint?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HarnessTimeoutError(`Timed out after ${Math.round(ms / 100) / 10} s ${what}${hint ? `. ${hint}` : ''}`)),
      ms,
    );
  });
  try {
    return await Promise.race([typeof work === 'function' ? work() : work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
