import { EXTERNAL_BODY_VI, ExternalBody } from '@app/domain';
import type { SqlParams } from '../common/sql-params';

/** One registry entry as the API answers it (`ResolutionResponse`). */
export interface ResolutionRow {
  id: string;
  kind: string;
  number: string;
  issuingUnitId: string | null;
  externalBody: string | null;
  issuerName: string;
  level: string;
  signedOn: string;
  year: number;
  title: string;
  fieldGroup: string;
  memberInChargeId: string | null;
  memberInChargeName: string | null;
  status: string;
  replacedById: string | null;
  implementsId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a `ResolutionRow` from registry alias `r` (joined to its unit `ru` and member `rm`). */
export const RESOLUTION_COLUMNS = `r.id, r.kind, r.number, r.issuing_unit_id AS "issuingUnitId", r.external_body AS "externalBody",
  ru.name AS "unitName", r.level, to_char(r.signed_on, 'YYYY-MM-DD') AS "signedOn", extract(year FROM r.signed_on)::int AS year,
  r.title, r.field_group AS "fieldGroup", r.member_in_charge_id AS "memberInChargeId", rm.full_name AS "memberInChargeName",
  r.status, r.replaced_by_id AS "replacedById", r.implements_id AS "implementsId", r.created_by AS "createdBy",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export const RESOLUTION_FROM = `resolution r LEFT JOIN org_unit ru ON ru.id = r.issuing_unit_id LEFT JOIN person rm ON rm.id = r.member_in_charge_id`;

/** The issuing body's name: the unit's, or the central body's in Vietnamese. */
export function toResolutionRow(raw: ResolutionRow & { unitName: string | null }): ResolutionRow {
  const { unitName, ...row } = raw;
  return { ...row, issuerName: unitName ?? EXTERNAL_BODY_VI[row.externalBody as ExternalBody] ?? '' };
}

/** Runs a SELECT of registry rows with `where` (over alias `r`) and `tail` (order, limit). */
export async function selectResolutions(
  query: (sql: string, values: unknown[]) => Promise<unknown[]>,
  where: string,
  params: SqlParams,
  tail = 'ORDER BY r.signed_on DESC, r.number',
): Promise<ResolutionRow[]> {
  const rows = (await query(
    `SELECT ${RESOLUTION_COLUMNS} FROM ${RESOLUTION_FROM} WHERE ${where} ${tail}`,
    params.values,
  )) as Array<ResolutionRow & { unitName: string | null }>;
  return rows.map(toResolutionRow);
}
