/**
 * Polls until the check returns a value (not undefined/false) or the deadline passes. Each check
 * gets at most 5 s, so a hung call fails the wait instead of the whole test file.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await Promise.race([
        check(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('check took over 5 s')), 5000).unref()),
      ]);
      if (v !== undefined && v !== false) return v as T;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
