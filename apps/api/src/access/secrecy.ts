import { hasRole, Role } from '@app/domain';
import type { Principal } from '../auth/principal';
import type { UnitScopes } from './scope';

/**
 * The secret tier ("Mật"). A restricted programme's content is read only by:
 *
 * | who                                                                | content of a restricted programme   |
 * | ------------------------------------------------------------------ | ----------------------------------- |
 * | its named readers (`programme_reader`)                             | yes                                 |
 * | the head of its issuing unit, and its issuing head                 | yes                                 |
 * | Standing Committee members of its issuing committee                | yes                                 |
 * | its member in charge                                               | yes                                 |
 * | the head and members of its steering committee (named at issuance) | yes                                 |
 * | anyone else who may otherwise read it (committees above and below, | a counted, untitled row in lists    |
 * | inspectors, advisory staff, supervisors above, administrators)     | and counts; 404 on its detail,      |
 * |                                                                    | audit trail, reports, timeline,     |
 * |                                                                    | lineage and actions                 |
 * | a person responsible for one of its tasks                          | their own task, without the         |
 * |                                                                    | programme's title                   |
 *
 * Administrators run the system but are not among a committee's leaders: they see the row as counted,
 * like any other outsider, unless named a reader (need to know, not rank). Unrestricted programmes
 * are untouched by this table. The leaders are those of `programme-visibility`'s table, so a leader sees
 * a restricted programme exactly as they would see it unrestricted.
 */

/** Who a restricted programme names, enough to tell whether someone reads its content. */
export interface RestrictedProgrammePeople {
  issuingUnitId: string;
  memberInChargeId: string;
  issuingHeadId: string | null;
  readerIds: readonly string[];
}

/** What the SQL needs to know about the caller to tell which restricted programmes they read. */
export interface ContentReader {
  personId: string;
  /** Issuing units whose programmes the caller leads by role (head of the unit, Standing Committee of its committee). */
  ledUnitIds: string[];
}

/** The units whose programmes `principal` leads by role: the row of the table above, as a set of issuing units. */
export function contentReader(principal: Principal, units: UnitScopes): ContentReader {
  const led = new Set<string>();
  if (units.has(principal.unitId)) {
    if (hasRole(principal, Role.HEAD)) led.add(principal.unitId);
    if (hasRole(principal, Role.STANDING_COMMITTEE))
      units.unitsOfCommittee(principal.unitId).forEach((u) => led.add(u));
  }
  return { personId: principal.personId, ledUnitIds: [...led].sort() };
}

/** Whether the caller leads the programme (the in-memory twin of the leaders' rows above). */
export function leadsProgramme(reader: ContentReader, p: Omit<RestrictedProgrammePeople, 'readerIds'>): boolean {
  return (
    reader.personId === p.memberInChargeId ||
    reader.personId === p.issuingHeadId ||
    reader.ledUnitIds.includes(p.issuingUnitId)
  );
}

/** Whether the caller reads the content of a restricted programme. */
export function readsRestrictedContent(reader: ContentReader, p: RestrictedProgrammePeople): boolean {
  return leadsProgramme(reader, p) || p.readerIds.includes(reader.personId);
}

/** What a task of a restricted programme is called for someone who may not read its content. */
export const RESTRICTED_TASK_TITLE = 'Nhiệm vụ thuộc chương trình mật';
