import { MAX_REMEMBERED_REQUEST_IDS } from '../programme/programme-state';

/** Remembers an applied request id, keeping the latest few, so a retried request has exactly one effect. */
export function rememberRequestId(s: { appliedRequestIds: string[] }, requestId: string): void {
  s.appliedRequestIds.push(requestId);
  if (s.appliedRequestIds.length > MAX_REMEMBERED_REQUEST_IDS)
    s.appliedRequestIds.splice(0, s.appliedRequestIds.length - MAX_REMEMBERED_REQUEST_IDS);
}
