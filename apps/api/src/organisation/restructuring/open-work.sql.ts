import { TaskStatus, TERMINAL_PHASES } from '@app/domain';

/** A task done or cancelled is no longer work a restructuring carries on. */
const TERMINAL_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.DONE, TaskStatus.CANCELLED];

const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * The open work of units, written once for the check of a change's items (`checkItems`) and for the
 * list the split form offers (`OpenWorkService`): `unitIds` is the SQL expression of a text[] of unit
 * ids (a placeholder). A programme is its issuing unit's open work until it is closed, cancelled or
 * superseded.
 */
export function openProgrammeOf(p: string, unitIds: string): string {
  return `(${p}.phase NOT IN ${sqlList(TERMINAL_PHASES)} AND ${p}.issuing_unit_id = ANY(${unitIds}::text[]))`;
}

/** A task is open work of the unit that issued it and of the unit responsible for it until it is done or cancelled. */
export function openTaskOf(t: string, unitIds: string): string {
  return `(${t}.status NOT IN ${sqlList(TERMINAL_TASK_STATUSES)}
    AND (${t}.responsible_unit_id = ANY(${unitIds}::text[]) OR ${t}.issuing_unit_id = ANY(${unitIds}::text[])))`;
}
