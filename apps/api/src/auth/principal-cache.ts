import type { Principal } from './principal';

/**
 * Remembers who a token's subject is for a few seconds, so a burst of requests by one person costs
 * one database read instead of one per request. A disabled account or a changed role therefore takes
 * effect within `ttlMs` (PRINCIPAL_CACHE_MS; 0 turns the cache off). Bounded: the oldest entries go
 * first when it is full.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(personId: string): Principal | undefined {
    const hit = this.entries.get(personId);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(personId);
      return undefined;
    }
    return hit.principal;
  }

  set(personId: string, principal: Principal): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(personId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(personId, { principal, expiresAt: this.now() + this.ttlMs });
  }

  forget(personId: string): void {
    this.entries.delete(personId);
  }
}
