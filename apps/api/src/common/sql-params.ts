/**
 * Parameters of hand-written SQL: `add` keeps a value and returns its placeholder, positional
 * (`$1`, `$2`…) for `query(sql, values)`, or named (`:<prefix>1`…) for a TypeORM query builder's
 * `where(sql, byName())`.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `namedPrefix`: write named placeholders with this prefix instead of positional ones. */
  constructor(private readonly namedPrefix?: string) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.namedPrefix ? `:${this.namedPrefix}${this.values.length}` : `$${this.values.length}`;
  }

  /** The values by placeholder name (named placeholders only). */
  byName(): Record<string, unknown> {
    if (!this.namedPrefix) throw new Error('positional parameters have no names');
    return Object.fromEntries(this.values.map((v, i) => [`${this.namedPrefix}${i + 1}`, v]));
  }
}
