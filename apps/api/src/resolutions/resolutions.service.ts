import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, ResolutionAccessService } from '../access';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination.query';
import { SqlParams } from '../common/sql-params';
import { ListResolutionsQuery } from './dto/list-resolutions.query';
import { ResolutionRow, selectResolutions } from './resolution-rows';

/** A programme implementing an entry, as a reader sees it: a restricted one they do not read keeps no content. */
export interface ResolutionProgramme {
  id: string;
  title: string | null;
  restricted: boolean;
  phase: string;
  documentNumber: string | null;
  issuingUnitId: string;
  resolutionId: string;
  term: string | null;
}

/** How deep "implements" chains are followed: far past central → province → commune. */
export const MAX_LINEAGE_DEPTH = 20;

/** Reading the registry: lists, one entry with its neighbours, the programmes implementing entries. */
@Injectable()
export class ResolutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registryAccess: ResolutionAccessService,
  ) {}

  async list(q: ListResolutionsQuery, principal: Principal): Promise<Page<ResolutionRow>> {
    const params = new SqlParams();
    const where = [await this.registryAccess.readableResolutions(principal, 'r', params)];
    if (q.year !== undefined) where.push(`extract(year FROM r.signed_on) = ${params.add(q.year)}`);
    if (q.kind) where.push(`r.kind = ${params.add(q.kind)}`);
    if (q.level) where.push(`r.level = ${params.add(q.level)}`);
    if (q.fieldGroup) where.push(`r.field_group = ${params.add(q.fieldGroup)}`);
    if (q.memberInChargeId) where.push(`r.member_in_charge_id = ${params.add(q.memberInChargeId)}`);
    if (q.status) where.push(`r.status = ${params.add(q.status)}`);
    if (q.issuingUnitId) where.push(`r.issuing_unit_id = ${params.add(q.issuingUnitId)}`);
    if (q.externalBody) where.push(`r.external_body = ${params.add(q.externalBody)}`);
    const condition = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM resolution r WHERE ${condition}`,
      params.values,
    );
    const items = await this.select(
      condition,
      params,
      `ORDER BY r.signed_on DESC, r.number, r.id LIMIT ${params.add(q.pageSize)} OFFSET ${params.add((q.page - 1) * q.pageSize)}`,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** One entry (404 unless readable), the chain it implements, the entries and programmes implementing it, and its replacement. */
  async get(id: string, principal: Principal) {
    await this.registryAccess.readableResolution(principal, id);
    const [resolution] = await this.readable(principal, [id]);
    const up: ResolutionRow[] = [];
    for (let next = resolution.implementsId; next && up.length < MAX_LINEAGE_DEPTH;) {
      const [higher] = await this.readable(principal, [next]);
      if (!higher) break;
      up.push(higher);
      next = higher.implementsId;
    }
    const params = new SqlParams();
    const readable = await this.registryAccess.readableResolutions(principal, 'r', params);
    const implementedBy = await this.select(
      `r.implements_id = ${params.add(id)} AND ${readable}`,
      params,
      'ORDER BY r.signed_on, r.number',
    );
    const replacedBy = resolution.replacedById
      ? ((await this.readable(principal, [resolution.replacedById]))[0] ?? null)
      : null;
    const programmes = (await this.programmesOf(principal, [id], 1000, 0)).items.map(({ term: _, ...p }) => p);
    return { resolution, implements: up, implementedBy, replacedBy, programmes };
  }

  /** The readable entries among `ids`, in registry order. */
  async readable(principal: Principal, ids: string[]): Promise<ResolutionRow[]> {
    const params = new SqlParams();
    const readable = await this.registryAccess.readableResolutions(principal, 'r', params);
    return this.select(`r.id = ANY(${params.add(ids)}::text[]) AND ${readable}`, params);
  }

  /**
   * The programmes implementing any of `resolutionIds` that the caller may open in the programme API,
   * restricted ones they do not read as a row without content (`secrecy`), newest first.
   */
  async programmesOf(
    principal: Principal,
    resolutionIds: string[],
    limit: number,
    offset: number,
  ): Promise<{ items: ResolutionProgramme[]; total: number; withheld: number }> {
    const params = new SqlParams();
    const readable = await this.access.readableProgrammes(principal, 'p', params);
    const hidden = await this.access.restrictedFrom(principal, 'p.id', params);
    const where = `p.resolution_id = ANY(${params.add(resolutionIds)}::text[]) AND ${readable}`;
    const [counts] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${hidden})::int AS withheld FROM programme p WHERE ${where}`,
      params.values,
    );
    const rows: Array<ResolutionProgramme & { hidden: boolean }> = await this.dataSource.query(
      `SELECT p.id, p.title, p.phase, p.document_number AS "documentNumber", p.issuing_unit_id AS "issuingUnitId",
         p.resolution_id AS "resolutionId", p.term, ${hidden} AS hidden,
         EXISTS (SELECT 1 FROM restricted_programme rp WHERE rp.programme_id = p.id) AS restricted
       FROM programme p WHERE ${where}
       ORDER BY p.issued_on DESC NULLS LAST, p.id LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    const items = rows.map(({ hidden: h, ...p }) => (h ? { ...p, title: null, documentNumber: null, term: null } : p));
    return { items, total: counts.total, withheld: counts.withheld };
  }

  private select(where: string, params: SqlParams, tail?: string): Promise<ResolutionRow[]> {
    return selectResolutions((sql, values) => this.dataSource.query(sql, values), where, params, tail);
  }
}
