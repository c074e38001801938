import { MAX_TITLE_LENGTH } from '../limits';
import { FIELD_GROUP_PATTERN } from '../resolution/resolution-registry';

/**
 * Field groups (nhóm lĩnh vực): a province's managed list of fields, each supervised by a member of
 * its Standing Committee. Pure rules shared by the API (validating what names a group) and the domain
 * (who holds the member-in-charge's rights).
 */

/** A field group as the rules need it. */
export interface FieldGroupRef {
  code: string;
  name: string;
  /** The supervising Standing Committee member; null while the seat is vacant. */
  supervisorId: string | null;
  retired: boolean;
}

/** Codes are the keys programmes and registry entries store: lowercase letters, digits and dashes. */
export const FIELD_GROUP_CODE_PATTERN = FIELD_GROUP_PATTERN;
export const MAX_FIELD_GROUP_NAME_LENGTH = MAX_TITLE_LENGTH;

/**
 * Why `code` may not be named by something new of a province with `groups`, or null when it may.
 * A province with no list at all keeps the free text it had before field groups were managed.
 */
export function fieldGroupProblem(code: string, groups: readonly FieldGroupRef[], provinceName: string): string | null {
  if (groups.length === 0) return null;
  const group = groups.find((g) => g.code === code);
  const known = groups
    .filter((g) => !g.retired)
    .map((g) => g.code)
    .sort()
    .join(', ');
  if (!group) return `unknown field group ${code} in ${provinceName}; known: ${known}`;
  if (group.retired) return `field group ${code} (${group.name}) is retired in ${provinceName}`;
  return null;
}

/** What a field group's fields must be, in the order the API checks them. */
export function fieldGroupInputProblem(input: { code?: unknown; name?: unknown }): string | null {
  if (input.code !== undefined && (typeof input.code !== 'string' || !FIELD_GROUP_CODE_PATTERN.test(input.code)))
    return 'code must be 1-50 lowercase letters, digits or dashes, starting with a letter or digit';
  if (input.name !== undefined) {
    if (typeof input.name !== 'string' || input.name.trim().length === 0) return 'name must be a non-empty text';
    if (input.name.length > MAX_FIELD_GROUP_NAME_LENGTH)
      return `name must be at most ${MAX_FIELD_GROUP_NAME_LENGTH} characters`;
  }
  return null;
}

/** The codes of the groups (in force) `personId` supervises: the groups whose member-in-charge rights they hold. */
export function supervisedFieldGroups(personId: string, groups: readonly FieldGroupRef[]): string[] {
  return groups
    .filter((g) => !g.retired && g.supervisorId === personId)
    .map((g) => g.code)
    .sort();
}

/** A task that may be assigned by field: naming a field group instead of a member in charge. */
export interface TaskByField {
  code: string;
  fieldGroup?: string;
  memberInChargeId?: string;
}

/**
 * Tasks with the supervising member of the field group each names as its member in charge, or the
 * first problem: an unknown or retired group, or one whose supervising seat is vacant.
 */
export function assignTasksByField<T extends TaskByField>(
  tasks: readonly T[],
  groups: readonly FieldGroupRef[],
  provinceName: string,
): { tasks: T[] } | { problem: string } {
  const out: T[] = [];
  for (const [i, t] of tasks.entries()) {
    if (t.fieldGroup === undefined) {
      out.push(t);
      continue;
    }
    const where = `tasks[${i}] (${t.code})`;
    if (groups.length === 0) return { problem: `${where}: ${provinceName} has no field groups to assign by` };
    const problem = fieldGroupProblem(t.fieldGroup, groups, provinceName);
    if (problem) return { problem: `${where}: ${problem}` };
    const group = groups.find((g) => g.code === t.fieldGroup) as FieldGroupRef;
    if (!group.supervisorId)
      return { problem: `${where}: field group ${group.code} (${group.name}) has no supervising member` };
    out.push({ ...t, memberInChargeId: group.supervisorId });
  }
  return { tasks: out };
}
