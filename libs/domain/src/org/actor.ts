import { Role } from './roles';

/** Who performs an action: every staff action names one. */
export interface Actor {
  personId: string;
  unitId: string;
  roles: Role[];
  /**
   * The field groups of the object's province whose supervising Standing Committee member the actor is
   * (set by the API with the effective roles): they hold the member in charge's rights over the
   * group's programmes and tasks. Absent in actions recorded before field groups were managed.
   */
  supervisedFieldGroups?: readonly string[];
}

/** Whether the actor supervises field group `code` (a null group: none does). */
export function supervisesFieldGroup(actor: Actor, code: string | null): boolean {
  return code !== null && (actor.supervisedFieldGroups ?? []).includes(code);
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
