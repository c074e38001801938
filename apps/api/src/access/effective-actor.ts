import { Actor, Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import type { UnitScopes } from './scope';

/** What an action is taken on, as far as authority goes. */
export interface ActedOn {
  /**
   * The units whose authority covers the object: a programme's issuing unit; a task's issuing and
   * responsible units; a breakthrough cycle's committee. A role counts when one of them is in its reach.
   */
  unitIds: readonly string[];
  /**
   * For a breakthrough cycle, where a head's only part is registering their unit: the units invited to
   * register. A head keeps HEAD only when their own unit is among them.
   */
  invitedUnitIds?: readonly string[];
}

/** Roles that say nothing about whose objects a person may act on: kept as they are. */
const PERSONAL_ROLES: readonly Role[] = [Role.KEY_CADRE, Role.STAFF];
const COMMITTEE_ROLES: readonly Role[] = [Role.STANDING_COMMITTEE, Role.INSPECTOR, Role.ADVISORY_STAFF];

/**
 * The actor a workflow is told about: the caller's person and unit, and only the roles whose authority
 * covers the object. The domain's role checks (any Standing Committee member approves, any inspector
 * inspects, any head registers, ...) then hold only where the role does, without a change to the
 * workflow code. What is personal (being invited, in the audience, a reporting unit, the responsible
 * person, an appraiser, the member in charge) rests on the person and unit, which are never touched.
 *
 * - Standing Committee, inspector, advisory staff: when the object lies in the caller's committee's tree.
 * - Head: when the object lies under the unit they head (their committee, for the head of a body that
 *   works for it); in a breakthrough cycle, when their unit is invited to register.
 * - Administrator: never (administrators run the system; they do not act in programmes).
 * - Key cadre, staff: always (they grant nothing over others' objects).
 */
export function effectiveActor(principal: Principal, object: ActedOn, units: UnitScopes): Actor {
  const roots = units.authorityRoots(principal);
  const reaches = (root: string | null) => root !== null && object.unitIds.some((u) => units.isWithin(u, root));
  const roles = principal.roles.filter((role) => {
    if (PERSONAL_ROLES.includes(role)) return true;
    if (COMMITTEE_ROLES.includes(role)) return reaches(roots.committee);
    if (role === Role.HEAD)
      return object.invitedUnitIds ? object.invitedUnitIds.includes(principal.unitId) : reaches(roots.head);
    return false;
  });
  return { personId: principal.personId, unitId: principal.unitId, roles };
}
