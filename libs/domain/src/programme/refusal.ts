/**
 * Why an action was refused. The kind maps to an HTTP status at the API edge: FORBIDDEN → 403,
 * WRONG_PHASE → 409, INVALID → 400, NOT_FOUND → 404.
 */
export type RefusalKind = 'FORBIDDEN' | 'WRONG_PHASE' | 'INVALID' | 'NOT_FOUND';

export interface Refusal {
  kind: RefusalKind;
  reason: string;
}

export const forbidden = (reason: string): Refusal => ({ kind: 'FORBIDDEN', reason });
export const wrongPhase = (reason: string): Refusal => ({ kind: 'WRONG_PHASE', reason });
export const invalid = (reason: string): Refusal => ({ kind: 'INVALID', reason });

/** Thrown where a refusal must interrupt (validators); carries the refusal. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = 'RefusalError';
  }
}
