import type { SqlParams } from '../common/sql-params';
import type { RowScope, Scope, SupervisorScope } from './scope';
import type { ContentReader } from './secrecy';

/**
 * The SQL conditions restricting rows to a scope: the only place they are written. `alias` names
 * the row in the caller's statement; values go through `params`.
 */

/**
 * Programme alias `p` still backed by a workflow: reconciliation marks rows without one orphaned
 * (left by another Temporal on this database), and they drop out of every list and count.
 */
export function programmeLive(p: string): string {
  return `${p}.orphaned_at IS NULL`;
}

/** Programme alias `p` (a `programme` row): live, and issued by a unit in scope or carrying one of the person's tasks. */
export function programmeInScope(scope: RowScope, p: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return programmeLive(p);
    case 'UNITS':
      return `(${programmeLive(p)} AND ${p}.issuing_unit_id = ANY(${params.add(scope.unitIds)}::text[]))`;
    case 'SELF':
      return `(${programmeLive(p)} AND EXISTS (SELECT 1 FROM task own WHERE own.programme_id = ${p}.id AND own.responsible_person_id = ${params.add(scope.personId)}))`;
  }
}

/**
 * Programme alias `p` whose steering committee (named at issuance, kept in the projected state) has the
 * person as its head or a member: they read it and its tasks wherever they work.
 */
export function programmeSteeredBy(personId: string, p: string, params: SqlParams): string {
  return `(${programmeLive(p)} AND ${steeredBy(params.add(personId), p)})`;
}

/** The same, for a person whose placeholder `me` is in the statement already. */
function steeredBy(me: string, p: string): string {
  return `(${p}.snapshot #>> '{issuance,steeringCommittee,headId}' = ${me}
    OR coalesce(${p}.snapshot #> '{issuance,steeringCommittee,memberIds}', '[]'::jsonb) @> jsonb_build_array(${me}::text))`;
}

/** Task alias `t` of a programme the person steers. */
export function taskOfSteeredProgramme(personId: string, t: string, params: SqlParams): string {
  return `EXISTS (SELECT 1 FROM programme sp WHERE sp.id = ${t}.programme_id AND ${programmeSteeredBy(personId, 'sp', params)})`;
}

/**
 * Registry entry alias `r` (a `resolution` row) issued by a unit in scope: what a committee counts as
 * its own. Central entries belong to no unit: only an all-seeing scope counts them.
 */
export function resolutionIssuedInScope(scope: RowScope, r: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return 'TRUE';
    case 'UNITS':
      return `${r}.issuing_unit_id = ANY(${params.add(scope.unitIds)}::text[])`;
    case 'SELF':
      return 'FALSE';
  }
}

/** Registry entry alias `r` that a reader with programme scope `scope` opens: central ones, and those issued in scope. */
export function resolutionReadable(scope: RowScope, r: string, params: SqlParams): string {
  return `(${r}.issuing_unit_id IS NULL OR ${resolutionIssuedInScope(scope, r, params)})`;
}

/** Task alias `t` (a `task` row): live (see programmeLive), and issued by or assigned to a unit in scope, or the person's own. */
export function taskInScope(scope: RowScope, t: string, params: SqlParams): string {
  const inScope = taskCountInScope(scope, t, params);
  return inScope === 'TRUE' ? `${t}.orphaned_at IS NULL` : `(${t}.orphaned_at IS NULL AND ${inScope})`;
}

/**
 * A `task_count` row alias `c` (it carries the task's unit columns) in scope: issued by or assigned to
 * a unit in scope, or the person's own. Orphaned tasks are not in the counts (the trigger leaves them out).
 */
export function taskCountInScope(scope: RowScope, c: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return 'TRUE';
    case 'UNITS': {
      const units = params.add(scope.unitIds);
      return `(${c}.issuing_unit_id = ANY(${units}::text[]) OR ${c}.responsible_unit_id = ANY(${units}::text[]))`;
    }
    case 'SELF':
      return `${c}.responsible_person_id = ${params.add(scope.personId)}`;
  }
}

/** The condition of a bucket count's row in scope: alias `c` a `task_count` row, `t` a `task` row. */
export function countedTaskInScope(scope: RowScope, alias: 'c' | 't', params: SqlParams): string {
  return alias === 'c' ? taskCountInScope(scope, alias, params) : taskInScope(scope, alias, params);
}

/** Task alias `t` that the person works on: responsible for it, its assigner or its member in charge. */
export function taskInvolving(personId: string, t: string, params: SqlParams): string {
  const me = params.add(personId);
  return `(${t}.responsible_person_id = ${me} OR ${t}.assigner_id = ${me} OR ${t}.member_in_charge_id = ${me})`;
}

/**
 * Whose responsiveness figures a scope shows. A supervisor: those of the programmes in scope, by
 * unit or by person as asked. Anyone else: only their own, by person, wherever they were invited.
 */
export function responsivenessInScope(
  scope: Scope,
  by: 'unit' | 'person',
  p: string,
  params: SqlParams,
): { by: 'unit' | 'person'; programmes: string; onlyKey: string | null } {
  if (scope.kind === 'SELF') return { by: 'person', programmes: programmeLive(p), onlyKey: scope.personId };
  return { by, programmes: programmeInScope(scope, p, params), onlyKey: null };
}

/**
 * The programme whose id is the SQL expression `programmeId` is restricted and its content is not the
 * reader's (`secrecy`): its title and content are withheld. Without a reader every restricted programme
 * is, so a caller that forgets to say who reads fails closed.
 */
export function restrictedFrom(reader: ContentReader | undefined, programmeId: string, params: SqlParams): string {
  const restricted = `EXISTS (SELECT 1 FROM restricted_programme rp WHERE rp.programme_id = ${programmeId})`;
  if (!reader) return restricted;
  const me = params.add(reader.personId);
  const led = params.add(reader.ledUnitIds);
  return `(${restricted}
    AND NOT EXISTS (SELECT 1 FROM programme_reader pr WHERE pr.programme_id = ${programmeId} AND pr.person_id = ${me})
    AND NOT EXISTS (SELECT 1 FROM programme lp WHERE lp.id = ${programmeId} AND (lp.issuing_unit_id = ANY(${led}::text[])
      OR lp.member_in_charge_id = ${me} OR lp.snapshot -> 'setup' ->> 'issuingHeadId' = ${me}
      OR ${steeredBy(me, 'lp')})))`;
}

/**
 * A row about a unit (the SQL expression `unitColumn`: a task's responsible unit, a person's unit, an
 * appraisal's unit) that a supervisor's yearly appraisal takes in: the units in scope.
 */
export function appraisedUnitInScope(scope: SupervisorScope, unitColumn: string, params: SqlParams): string {
  return scope.kind === 'ALL' ? 'TRUE' : `${unitColumn} = ANY(${params.add(scope.unitIds)}::text[])`;
}

/** Cascade obligation alias `o` (a `cascade_obligation` row) of a body whose programmes the scope reads. */
export function obligationInScope(scope: RowScope, o: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'ALL':
      return 'TRUE';
    case 'UNITS':
      return `${o}.unit_id = ANY(${params.add(scope.unitIds)}::text[])`;
    case 'SELF':
      return 'FALSE';
  }
}
