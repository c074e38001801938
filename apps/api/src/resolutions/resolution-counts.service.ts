import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countBy,
  CountDimension,
  CountedItem,
  CountRow,
  RESOLUTION_KIND_VI,
  RESOLUTION_LEVEL_VI,
  ResolutionKind,
  ResolutionLevel,
  termYears,
} from '@app/domain';
import { programmeInScope, ResolutionAccessService, restrictedFrom, type SupervisorScope } from '../access';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination.query';
import { SqlParams } from '../common/sql-params';
import { CountItemsQuery } from './dto/counts.query';

/** One counted entry or programme, as the drill-down lists it. */
export interface CountedRow extends CountedItem {
  id: string;
  title: string | null;
  number: string | null;
  restricted: boolean;
}

/**
 * How many resolutions a committee issued and how many programmes it issued, per year of a term, kind,
 * level, field group or member in charge, and the list behind each number. A programme counts in the
 * year it was issued (a programme not yet issued is not counted) with the kind of the entry it implements.
 */
@Injectable()
export class ResolutionCountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registryAccess: ResolutionAccessService,
  ) {}

  async counts(principal: Principal, q: { term: string; by: CountDimension; committeeId?: string }) {
    const scope = await this.registryAccess.countingScope(principal, q.committeeId);
    const years = this.years(q.term);
    const items = await this.items(scope, years);
    const { rows, total } = countBy(items, q.by, years);
    const label = await this.labeller(q.by, rows);
    return {
      term: q.term,
      by: q.by,
      committeeId: scope.committee?.id ?? null,
      rows: rows.map((r) => ({ ...r, label: label(r.key) })),
      total: { ...total, label: null },
    };
  }

  async countedItems(principal: Principal, q: CountItemsQuery, pageSize: number): Promise<Page<CountedRow>> {
    const scope = await this.registryAccess.countingScope(principal, q.committeeId);
    const years = q.year !== undefined ? [q.year] : this.years(q.term);
    if (q.year !== undefined && !this.years(q.term).includes(q.year))
      throw new BadRequestException(`year ${q.year} lies outside the term ${q.term}`);
    if (q.noMemberInCharge === 'true' && q.memberInChargeId)
      throw new BadRequestException('give memberInChargeId or noMemberInCharge=true, not both');
    const subject = q.subject === 'resolutions' ? 'resolution' : 'programme';
    const matching = (await this.items(scope, years)).filter(
      (i) =>
        i.subject === subject &&
        (q.kind === undefined || i.kind === q.kind) &&
        (q.level === undefined || i.level === q.level) &&
        (q.fieldGroup === undefined || i.fieldGroup === q.fieldGroup) &&
        (q.memberInChargeId === undefined || i.memberInChargeId === q.memberInChargeId) &&
        (q.noMemberInCharge !== 'true' || i.memberInChargeId === null),
    );
    const start = (q.page - 1) * pageSize;
    return { items: matching.slice(start, start + pageSize), total: matching.length, page: q.page, pageSize };
  }

  private years(term: string): number[] {
    const parsed = termYears(term);
    if ('problem' in parsed) throw new BadRequestException(parsed.problem);
    return parsed.years;
  }

  /** The committee's entries signed, and its programmes issued, within `years`. */
  private async items(scope: SupervisorScope, years: number[]): Promise<CountedRow[]> {
    const from = `${years[0]}-01-01`;
    const to = `${years[years.length - 1]}-12-31`;
    const rp = new SqlParams();
    const resolutions: CountedRow[] = await this.dataSource.query(
      `SELECT 'resolution' AS subject, r.id, r.title, r.number, r.kind, r.level, extract(year FROM r.signed_on)::int AS year,
         r.field_group AS "fieldGroup", r.member_in_charge_id AS "memberInChargeId", false AS restricted
       FROM resolution r WHERE ${this.registryAccess.resolutionsIssuedIn(scope, 'r', rp)}
         AND r.signed_on BETWEEN ${rp.add(from)}::date AND ${rp.add(to)}::date
       ORDER BY r.signed_on, r.number, r.id`,
      rp.values,
    );
    const pp = new SqlParams();
    const hidden = restrictedFrom(scope.reader, 'p.id', pp);
    const programmes: Array<CountedRow & { issuingUnitId: string; hidden: boolean }> = await this.dataSource.query(
      `SELECT 'programme' AS subject, p.id, p.title, p.document_number AS number, r.kind, extract(year FROM p.issued_on)::int AS year,
         p.field_group AS "fieldGroup", p.member_in_charge_id AS "memberInChargeId", p.issuing_unit_id AS "issuingUnitId",
         EXISTS (SELECT 1 FROM restricted_programme rp WHERE rp.programme_id = p.id) AS restricted, ${hidden} AS hidden
       FROM programme p LEFT JOIN resolution r ON r.id = p.resolution_id
       WHERE ${programmeInScope(scope, 'p', pp)} AND p.issued_on BETWEEN ${pp.add(from)}::date AND ${pp.add(to)}::date
       ORDER BY p.issued_on, p.id`,
      pp.values,
    );
    const levelOf = await this.registryAccess.unitLevels();
    return [
      ...resolutions,
      ...programmes.map(({ issuingUnitId, hidden: withheld, ...p }) => ({
        ...p,
        level: levelOf(issuingUnitId),
        ...(withheld ? { title: null, number: null } : {}),
      })),
    ];
  }

  /** Names for the keys of a count: kinds and levels in Vietnamese, members by name. */
  private async labeller(by: CountDimension, rows: CountRow[]): Promise<(key: string | null) => string | null> {
    if (by === 'kind') return (key) => (key ? RESOLUTION_KIND_VI[key as ResolutionKind] : null);
    if (by === 'level') return (key) => (key ? RESOLUTION_LEVEL_VI[key as ResolutionLevel] : null);
    if (by !== 'memberInCharge') return () => null;
    const ids = rows.map((r) => r.key).filter((k): k is string => k !== null);
    const people: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT id, full_name AS name FROM person WHERE id = ANY($1::text[])`,
      [ids],
    );
    const names = new Map(people.map((p) => [p.id, p.name]));
    return (key) => (key ? (names.get(key) ?? null) : null);
  }
}
