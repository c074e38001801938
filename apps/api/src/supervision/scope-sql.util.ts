import type { SupervisionScope } from './supervision-scope.service';

/** Positional parameters for hand-written SQL: `add` returns the placeholder of the value it keeps. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The condition restricting programme alias `p` to the scope. */
export function programmeInScope(scope: SupervisionScope, p: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return 'TRUE';
    case 'UNITS':
      return `${p}.issuing_unit_id = ANY(${params.add(scope.unitIds)}::text[])`;
    case 'SELF':
      return `EXISTS (SELECT 1 FROM task own WHERE own.programme_id = ${p}.id AND own.responsible_person_id = ${params.add(scope.personId)})`;
  }
}

/** The condition restricting task alias `t` to the scope: issued by or assigned to a unit in it. */
export function taskInScope(scope: SupervisionScope, t: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return 'TRUE';
    case 'UNITS': {
      const units = params.add(scope.unitIds);
      return `(${t}.issuing_unit_id = ANY(${units}::text[]) OR ${t}.responsible_unit_id = ANY(${units}::text[]))`;
    }
    case 'SELF':
      return `${t}.responsible_person_id = ${params.add(scope.personId)}`;
  }
}

/** First and last moment of a term such as "2020-2025" (whole calendar years, Vietnam time). */
export function termBounds(term: string): { from: string; to: string } {
  const [first, last] = term.split('-').map(Number);
  return { from: `${first}-01-01T00:00:00+07:00`, to: `${last + 1}-01-01T00:00:00+07:00` };
}

/** The due months of a term such as "2020-2025": from its first January to the January after it. */
export function termMonths(term: string): { fromMonth: string; toMonth: string } {
  const [first, last] = term.split('-').map(Number);
  return { fromMonth: `${first}-01-01`, toMonth: `${last + 1}-01-01` };
}
