/**
 * Polls `probe` until it returns something other than undefined, or fails with `what` after
 * `timeoutMs`. For conditions that are not a run status (a request reaching a fake, a job's
 * state); `harness.waitFor` covers run statuses.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
