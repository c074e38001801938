import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import type { ProgrammeState } from '@app/domain';
import {
  AuditEventEntity,
  PhaseHistoryEntity,
  ProgrammeEntity,
  ProgrammeReviewEntity,
  ProgrammeTargetEntity,
  TargetValueEntity,
} from '@app/persistence';
import { ProgrammeView, programmeViewQuery } from '@app/workflows/programme/definitions';
import {
  AccessService,
  ProgrammePart,
  ProgrammeReadersService,
  visibleAuditEvent,
  visibleProgrammeState,
} from '../access';
import { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { ProgrammeAuditQuery } from './dto/programme-audit.query';

/** What a restricted programme's row in a list keeps for someone who does not read it: its id, unit, phase, term. */
const UNTITLED = {
  title: null,
  documentNumber: null,
  phaseDeadline: null,
  memberInChargeId: null,
  fieldGroup: null,
  implementsResolution: null,
  resolutionId: null,
  latestReviewHeadline: null,
} as const;

/** A row of `GET /programmes`: restricted ones carry no title or content unless the caller reads them (`secrecy`). */
export type ProgrammeListItem =
  | (ProgrammeEntity & { restricted: boolean })
  | (Omit<ProgrammeEntity, keyof typeof UNTITLED> & typeof UNTITLED & { restricted: true });

/**
 * One programme for people: the read model with its history, targets and reviews, and the live workflow
 * state, both as the caller may see them (what they may not see of the state is null).
 */
export interface ProgrammeDetail {
  programme: ProgrammeEntity & { restricted: boolean };
  /** Null when the workflow has finished and is past retention, or no worker answers: the read model still does. */
  live: ProgrammeView | null;
  /** Parts of the state (live and snapshot) shown to the caller without their texts. */
  withheld: ProgrammePart[];
  phaseHistory: PhaseHistoryEntity[];
  targets: ProgrammeTargetEntity[];
  reviews: ProgrammeReviewEntity[];
  targetValues: TargetValueEntity[];
}
/**
 * Reading programmes: one with its live state, the list, the audit trail and the named readers, each
 * as the access module lets the caller see it. Creating and acting live in `ProgrammesService`.
 */
@Injectable()
export class ProgrammeReadsService {
  constructor(
    private readonly temporal: Client,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(AuditEventEntity) private readonly audit: Repository<AuditEventEntity>,
    @InjectRepository(PhaseHistoryEntity) private readonly phaseHistory: Repository<PhaseHistoryEntity>,
    @InjectRepository(ProgrammeTargetEntity) private readonly targets: Repository<ProgrammeTargetEntity>,
    @InjectRepository(ProgrammeReviewEntity) private readonly reviews: Repository<ProgrammeReviewEntity>,
    @InjectRepository(TargetValueEntity) private readonly targetValues: Repository<TargetValueEntity>,
    private readonly access: AccessService,
    private readonly readers: ProgrammeReadersService,
  ) {}

  async get(id: string, principal: Principal): Promise<ProgrammeDetail> {
    const programme = await this.access.readableProgramme(principal, id);
    const [phaseHistory, targets, reviews, targetValues] = await Promise.all([
      this.phaseHistory.find({ where: { programmeId: id }, order: { seq: 'ASC' } }),
      this.targets.find({ where: { programmeId: id }, order: { code: 'ASC' } }),
      this.reviews.find({ where: { programmeId: id }, order: { seq: 'ASC' } }),
      this.targetValues.find({ where: { programmeId: id }, order: { reviewSeq: 'ASC', targetCode: 'ASC' } }),
    ]);
    let live: ProgrammeView | null;
    try {
      live = await this.temporal.workflow.getHandle(programme.workflowId).query(programmeViewQuery);
    } catch {
      live = null; // closed and past retention, or worker unavailable: the read model still answers
    }
    const viewer = await this.access.programmeViewer(principal, programme);
    const snapshot = visibleProgrammeState(programme.snapshot as Partial<ProgrammeState>, viewer);
    const state = live ? visibleProgrammeState(live.state, viewer) : null;
    const restricted = await this.readers.isRestricted(id);
    return {
      programme: { ...programme, snapshot: snapshot.state as Record<string, unknown>, restricted },
      live: live && state ? { ...live, state: state.state } : null,
      withheld: [...new Set([...snapshot.withheld, ...(state?.withheld ?? [])])].sort(),
      phaseHistory,
      targets,
      reviews,
      targetValues,
    };
  }

  async list(
    q: ListProgrammesQuery,
    principal: Principal,
  ): Promise<{ items: ProgrammeListItem[]; total: number; limit: number; offset: number }> {
    const qb = this.programmes
      .createQueryBuilder('p')
      .select([
        'p.id',
        'p.title',
        'p.documentNumber',
        'p.phase',
        'p.phaseDeadline',
        'p.issuingUnitId',
        'p.memberInChargeId',
        'p.fieldGroup',
        'p.term',
        'p.implementsResolution',
        'p.resolutionId',
        'p.latestReviewHeadline',
        'p.updatedAt',
      ]);
    const readable = new SqlParams('readable');
    qb.andWhere(await this.access.readableProgrammes(principal, 'p', readable), readable.byName());
    if (q.phase) qb.andWhere('p.phase = :phase', { phase: q.phase });
    if (q.issuingUnitId) qb.andWhere('p.issuing_unit_id = :unit', { unit: q.issuingUnitId });
    if (q.memberInChargeId) qb.andWhere('p.member_in_charge_id = :m', { m: q.memberInChargeId });
    if (q.fieldGroup) qb.andWhere('p.field_group = :f', { f: q.fieldGroup });
    if (q.term) qb.andWhere('p.term = :t', { t: q.term });
    if (q.overdue === true)
      qb.andWhere("p.phase_deadline < now() AND p.phase NOT IN ('CLOSED','CANCELLED','SUPERSEDED')");
    if (q.overdue === false) qb.andWhere('(p.phase_deadline IS NULL OR p.phase_deadline >= now())');
    const [items, total] = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return { items: await this.withSecrecy(items, principal), total, limit: q.limit, offset: q.offset };
  }

  /** Marks the restricted rows, and leaves of those whose content the caller does not read an untitled row. */
  private async withSecrecy(items: ProgrammeEntity[], principal: Principal): Promise<ProgrammeListItem[]> {
    if (items.length === 0) return [];
    const params = new SqlParams();
    const ids = params.add(items.map((p) => p.id));
    const rows: Array<{ id: string; hidden: boolean }> = await this.programmes.query(
      `SELECT rp.programme_id AS id, ${await this.access.restrictedFrom(principal, 'rp.programme_id', params)} AS hidden
         FROM restricted_programme rp WHERE rp.programme_id = ANY(${ids}::text[])`,
      params.values,
    );
    const hidden = new Map(rows.map((r) => [r.id, r.hidden]));
    return items.map((p) => {
      if (!hidden.has(p.id)) return { ...p, restricted: false };
      if (!hidden.get(p.id)) return { ...p, restricted: true };
      return { ...p, ...UNTITLED, restricted: true };
    });
  }

  /** The named readers of a restricted programme, replaced whole by one of its leaders (`ProgrammeReadersService`). */
  setReaders(
    id: string,
    readerIds: string[],
    principal: Principal,
  ): Promise<{ programmeId: string; readerIds: string[] }> {
    return this.readers.setReaders(principal, id, readerIds);
  }

  async auditTrail(id: string, principal: Principal, page: ProgrammeAuditQuery = new ProgrammeAuditQuery()) {
    const programme = await this.access.readableProgramme(principal, id);
    const viewer = await this.access.programmeViewer(principal, programme);
    const direction = page.order === 'desc' ? 'DESC' : 'ASC';
    const [items, total] = await this.audit.findAndCount({
      where: { programmeId: id },
      order: { occurredAt: direction, id: direction },
      take: page.limit,
      skip: page.offset,
    });
    return { items: items.map((row) => visibleAuditEvent(row, viewer)), total };
  }
}
