import { Actor, hasRole, supervisesFieldGroup } from '../org/actor';
import { Role } from '../org/roles';
import type { ProgrammeState } from './programme-state';
import { isSteeringMember } from './steering-committee';

/** Who may do what on a programme, by the actor's place in it. */

export const isIssuingUnit = (s: ProgrammeState, a: Actor) => a.unitId === s.setup.issuingUnitId;
/** The member in charge, or the supervising member of the programme's field group (who holds the same rights). */
export const isMemberInCharge = (s: ProgrammeState, a: Actor) =>
  a.personId === s.setup.memberInChargeId || supervisesFieldGroup(a, s.setup.fieldGroup);
export const isIssuingHead = (s: ProgrammeState, a: Actor) => a.personId === s.setup.issuingHeadId;
/** The drafting team: advisory staff of the issuing unit, its head, or the member in charge. */
export const isDrafter = (s: ProgrammeState, a: Actor) =>
  isMemberInCharge(s, a) || isIssuingHead(s, a) || (isIssuingUnit(s, a) && hasRole(a, Role.ADVISORY_STAFF, Role.HEAD));
export const isApprover = (s: ProgrammeState, a: Actor) => hasRole(a, Role.STANDING_COMMITTEE) || isIssuingHead(s, a);
export const isLeadership = (s: ProgrammeState, a: Actor) => isApprover(s, a) || isMemberInCharge(s, a);
/** The inspection commission, the member in charge or a member of the steering committee records inspections. */
export const mayInspect = (s: ProgrammeState, a: Actor) =>
  hasRole(a, Role.INSPECTOR) || isMemberInCharge(s, a) || isSteeringMember(s, a);
