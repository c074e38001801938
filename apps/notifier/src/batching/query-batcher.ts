/**
 * Group commit for small queries: calls made while earlier batches are still in flight are collected
 * and run as one query. Under light load a call runs at once (no added latency); under heavy load
 * many concurrent jobs share one round trip to Postgres instead of paying one each.
 */
export class QueryBatcher<K, R> {
  private pending: Array<{ key: K; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    private readonly run: (keys: K[]) => Promise<R[]>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves with the result at the key's position in the batch. */
  load(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.maxBatch);
    this.inFlight++;
    this.run(batch.map((b) => b.key))
      .then(
        (results) => batch.forEach((b, i) => b.resolve(results[i])),
        (err) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
  }
}
