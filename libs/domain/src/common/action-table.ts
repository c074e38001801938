/**
 * The entry of a table keyed by action name, or undefined for a name that is not one of `names`:
 * names arrive untyped from outside, and must not reach inherited keys such as "toString".
 */
export function entryFor<T>(names: readonly string[], table: object, name: string): T | undefined {
  return names.includes(name) ? (table as Record<string, T>)[name] : undefined;
}
