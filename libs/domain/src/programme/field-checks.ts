import { MAX_CODE_LENGTH, MAX_COORDINATING_UNITS, MAX_ID_LENGTH, MAX_TASK_TITLE_LENGTH, MAX_TASKS } from '../limits';
import { text } from '../common/checks';
import { isDecimal } from '../targets/decimal.util';
import { needsReference, validateActual } from '../targets/target-achievement';
import type { ProgrammeState, ProgrammeTask } from './programme-state';
import { invalid, Refusal } from './refusal';

/** Checks of payload fields: pure, each returns the first reason to refuse, or null. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ids(value: unknown, field: string, min: number, max: number): Refusal | null {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === ''))
    return invalid(`${field} must be a list of ids`);
  if (value.length < min) return invalid(`${field} needs at least ${min}`);
  if (value.length > max) return invalid(`${field} has more than ${max} entries`);
  if (new Set(value).size !== value.length) return invalid(`${field} has duplicates`);
  return null;
}

export function calendarDate(value: unknown, field: string): Refusal | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return invalid(`${field} must be a date like 2024-03-31`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    return invalid(`${field} ${value} is not a real date`);
  return null;
}

export function validateTasks(tasks: ProgrammeTask[]): Refusal | null {
  if (!Array.isArray(tasks) || tasks.length > MAX_TASKS) return invalid(`tasks must be a list of at most ${MAX_TASKS}`);
  const codes = new Set<string>();
  for (const [i, t] of tasks.entries()) {
    const where = `tasks[${i}]`;
    if (typeof t !== 'object' || t === null) return invalid(`${where} must be an object`);
    const bad =
      text(t.code, `${where}.code`, MAX_CODE_LENGTH) ??
      text(t.title, `${where}.title`, MAX_TASK_TITLE_LENGTH) ??
      text(t.responsibleUnitId, `${where}.responsibleUnitId`, MAX_ID_LENGTH) ??
      text(t.responsiblePersonId, `${where}.responsiblePersonId`, MAX_ID_LENGTH) ??
      ids(t.coordinatingUnitIds ?? [], `${where}.coordinatingUnitIds`, 0, MAX_COORDINATING_UNITS) ??
      (t.fieldGroup === undefined ? null : text(t.fieldGroup, `${where}.fieldGroup`, MAX_ID_LENGTH)) ??
      (t.memberInChargeId === undefined ? null : text(t.memberInChargeId, `${where}.memberInChargeId`, MAX_ID_LENGTH));
    if (bad) return bad;
    if (codes.has(t.code)) return invalid(`task code ${t.code} appears twice`);
    codes.add(t.code);
    if (typeof t.dueAt !== 'string' || Number.isNaN(Date.parse(t.dueAt)))
      return invalid(`${where}.dueAt must be a date-time`);
  }
  return null;
}

/** Reported values: known target codes mapped to decimals. */
export function validateValues(s: ProgrammeState, values: Record<string, string>): Refusal | null {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    return invalid('values must map target codes to numbers');
  const known = new Map((s.issuance?.targets ?? []).map((t) => [t.code, t]));
  for (const [code, v] of Object.entries(values)) {
    const target = known.get(code);
    if (!target) return invalid(`unknown target code ${code}`);
    const problem = typeof v === 'string' ? validateActual(target.goal, v) : 'must be a decimal number such as 7.2';
    if (problem) return invalid(`value of ${code} ${problem}`);
  }
  return null;
}

/** Reference values reported for relative targets ("the national average was 6.2"): codes of relative targets only. */
export function validateReferences(s: ProgrammeState, references: unknown): Refusal | null {
  if (references === undefined) return null;
  if (typeof references !== 'object' || references === null || Array.isArray(references))
    return invalid('references must map codes of relative targets to numbers');
  const targets = new Map((s.issuance?.targets ?? []).map((t) => [t.code, t]));
  for (const [code, v] of Object.entries(references)) {
    const target = targets.get(code);
    if (!target) return invalid(`unknown target code ${code} in references`);
    if (!needsReference(target.goal) && !Object.values(target.periodGoals).some(needsReference))
      return invalid(`target ${code} is not relative: it takes no reference value`);
    if (!isDecimal(v)) return invalid(`reference value of ${code} must be a decimal number such as 6.5`);
  }
  return null;
}
