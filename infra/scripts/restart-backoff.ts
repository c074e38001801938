/** How the supervisor waits before restarting an app that exited. */
export interface BackoffOptions {
  /** First delay after a crash. */
  initialMs: number;
  /** Delays double up to this. */
  maxMs: number;
  /** An app that stayed up this long is healthy again: its next crash starts from `initialMs`. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/**
 * The delay before the next restart, given the previous delay (0 before any) and how long the app
 * ran this time: 1 s, 2 s, 4 s … capped at 30 s, back to 1 s after a minute of uptime.
 */
export function nextRestartDelay(previousMs: number, upMs: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  if (previousMs <= 0 || upMs >= opts.stableMs) return opts.initialMs;
  return Math.min(previousMs * 2, opts.maxMs);
}
