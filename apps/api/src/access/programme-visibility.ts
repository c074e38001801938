import { hasRole, Role, type ProgrammeSetup, type ProgrammeState } from '@app/domain';
import type { Principal } from '../auth/principal';
import { effectiveActor } from './effective-actor';
import { contentReader, leadsProgramme } from './secrecy';
import type { UnitScopes } from './scope';

/**
 * Which parts of a programme's state each viewer sees. Everyone who may open a programme sees its
 * phases, deadlines, targets, tasks, reviews, dissemination, commendations and lessons; the internal
 * parts below are shown whole only to some, and to the others as who and when without the text:
 *
 * | part (field withheld)                         | leaders | drafting team | supervisors | personally                                    | everyone else sees            |
 * | --------------------------------------------- | ------- | ------------- | ----------- | --------------------------------------------- | ----------------------------- |
 * | consultation opinions (`text`)                | yes     | yes           | no          | the author, their own                         | who answered, when            |
 * | drafts (`text`, `documentRef`)                | yes     | yes           | yes         | invitees of a consultation round              | version, author, date, note   |
 * | survey findings (`text`)                      | yes     | yes           | yes         | the surveyor, their own                       | who submitted, when           |
 * | inspections (`findings`)                      | yes     | yes           | yes         | no                                            | who, when, which unit         |
 * | evaluations (`rating`, `comment`)             | yes     | yes           | yes         | the person evaluated; a head, of their unit    | subject, who, when, figures   |
 *
 * - leaders: the issuing committee's head (and the programme's issuing head), its Standing Committee
 *   members, the member in charge;
 * - drafting team: advisory staff of the issuing committee;
 * - supervisors: Standing Committee members and inspectors whose committee's tree holds the programme
 *   (the issuing committee's own, or one above it), and the head and members of its steering committee;
 * - administrators are none of these: they run the system, and see what every other reader sees.
 */
export type ProgrammePart = 'opinions' | 'drafts' | 'surveyFindings' | 'inspections' | 'evaluations';

/** Who is looking, as far as the table above goes. */
export interface ProgrammeViewer {
  personId: string;
  unitId: string;
  leader: boolean;
  drafter: boolean;
  supervisor: boolean;
  /** Holds the HEAD role: sees the evaluation of the unit they head. */
  head: boolean;
  /** Invited to one of the programme's consultation rounds: reads the drafts. */
  invitee: boolean;
}

/** The people a programme names: enough to tell its leaders and invitees. */
export type ProgrammePeople = Pick<ProgrammeSetup, 'issuingUnitId' | 'memberInChargeId'> & {
  issuingHeadId: string | null;
  inviteeIds: readonly string[];
  /** The head and members of its steering committee (none before issuance). */
  steeringIds?: readonly string[];
};

export function programmeViewer(principal: Principal, p: ProgrammePeople, units: UnitScopes): ProgrammeViewer {
  const committee = units.committeeOf(p.issuingUnitId);
  const ofCommittee = units.committeeOf(principal.unitId) === committee;
  const acting = effectiveActor(principal, { unitIds: [p.issuingUnitId] }, units);
  return {
    personId: principal.personId,
    unitId: principal.unitId,
    leader: leadsProgramme(contentReader(principal, units), p),
    drafter: ofCommittee && hasRole(principal, Role.ADVISORY_STAFF),
    supervisor:
      hasRole(acting, Role.STANDING_COMMITTEE, Role.INSPECTOR) || (p.steeringIds ?? []).includes(principal.personId),
    head: hasRole(principal, Role.HEAD),
    invitee: p.inviteeIds.includes(principal.personId),
  };
}

/** The parts a viewer sees whole, whatever they wrote themselves. */
function wholeParts(v: ProgrammeViewer): Set<ProgrammePart> {
  if (v.leader || v.drafter) return new Set(['opinions', 'drafts', 'surveyFindings', 'inspections', 'evaluations']);
  if (v.supervisor) return new Set(['drafts', 'surveyFindings', 'inspections', 'evaluations']);
  return new Set();
}

/**
 * A copy of `state` (a live state or a read-model snapshot, possibly from before some parts existed)
 * with what `viewer` may not see set to null, and the parts that lost something.
 */
export function visibleProgrammeState<S extends Partial<ProgrammeState>>(
  state: S,
  viewer: ProgrammeViewer,
): { state: S; withheld: ProgrammePart[] } {
  const whole = wholeParts(viewer);
  const copy = structuredClone(state) as Partial<ProgrammeState>;
  const withheld = new Set<ProgrammePart>();
  const hide = (part: ProgrammePart, mine: boolean, clear: () => void) => {
    if (whole.has(part) || mine) return;
    clear();
    withheld.add(part);
  };
  const nulled =
    (o: object, ...keys: string[]) =>
    () =>
      keys.forEach((k) => ((o as Record<string, unknown>)[k] = null));

  const invited = viewer.invitee || (copy.consultations ?? []).some((r) => r.inviteeIds?.includes(viewer.personId));
  for (const d of copy.drafts ?? []) hide('drafts', invited, nulled(d, 'text', 'documentRef'));
  for (const r of copy.consultations ?? [])
    for (const [author, opinion] of Object.entries(r.opinions ?? {}))
      hide('opinions', author === viewer.personId, nulled(opinion, 'text'));
  for (const [surveyor, f] of Object.entries(copy.survey?.findings ?? {}))
    hide('surveyFindings', surveyor === viewer.personId, nulled(f, 'text'));
  for (const i of copy.implementation?.inspections ?? []) hide('inspections', false, nulled(i, 'findings'));
  for (const e of copy.finalReview?.evaluations ?? [])
    hide('evaluations', isSubject(viewer, e), nulled(e, 'rating', 'comment'));
  return { state: copy as S, withheld: [...withheld].sort() };
}

/** An audit row of the programme, with what the viewer may not see of it set to null. */
export function visibleAuditEvent<A extends { action: string; after: Record<string, unknown> | null }>(
  row: A,
  viewer: ProgrammeViewer,
): A {
  const whole = wholeParts(viewer);
  const after = row.after ?? {};
  if (row.action === 'evaluate' && !whole.has('evaluations') && !isSubject(viewer, after))
    return { ...row, after: { ...after, rating: null, comment: null } };
  if (row.action === 'submitDraft' && !whole.has('drafts') && !viewer.invitee && after.documentRef !== undefined)
    return { ...row, after: { ...after, documentRef: null } };
  return row;
}

/** Whether the viewer sees `part` whole, not only what they wrote themselves (e.g. a draft's file). */
export function seesWholePart(viewer: ProgrammeViewer, part: ProgrammePart): boolean {
  return wholeParts(viewer).has(part);
}

/** Whether the viewer may read inspection findings (e.g. on a programme's timeline). */
export function seesInspectionFindings(viewer: ProgrammeViewer): boolean {
  return wholeParts(viewer).has('inspections');
}

function isSubject(viewer: ProgrammeViewer, e: { subjectKind?: unknown; subjectId?: unknown }): boolean {
  return (
    (e.subjectKind === 'PERSON' && e.subjectId === viewer.personId) ||
    (e.subjectKind === 'UNIT' && e.subjectId === viewer.unitId && viewer.head)
  );
}
