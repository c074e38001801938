/** Seconds a client is told to wait when a service the API needs is down (Retry-After). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the service is not there, or went away mid-conversation. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Postgres SQLSTATEs that mean "no database to talk to right now": class 08 (connection exception),
 * admin/crash shutdown and "cannot connect now" (57P01–57P03), too many connections (53300).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;

/** node-postgres' and the pool's own words for a lost or unobtainable connection. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /^Connection is closed\.?$/, // ioredis
  /enableOfflineQueue options is false/, // ioredis, offline
];

/**
 * gRPC statuses from Temporal that mean "not now", not "no": DEADLINE_EXCEEDED (4, e.g. a query or
 * update that no worker reached in time under load), RESOURCE_EXHAUSTED (8, rate limits) and
 * UNAVAILABLE (14). A request refused so is safe to send again with the same request id.
 */
const GRPC_UNAVAILABLE = new Set([4, 8, 14]);
/** The Temporal client's own name for an update call that timed out before the update was known to finish. */
const TIMED_OUT_ERRORS = new Set(['WorkflowUpdateRPCTimeoutOrCancelledError']);

/**
 * Whether an error (or anything in its cause chain, TypeORM's `driverError` included) says a service
 * is unreachable, not that the request was wrong: such a request is answered 503 with Retry-After.
 */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)) return true;
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (typeof e.name === 'string' && TIMED_OUT_ERRORS.has(e.name)) return true;
    if (typeof e.code === 'number' && GRPC_UNAVAILABLE.has(e.code) && 'details' in e) return true;
    if (CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
