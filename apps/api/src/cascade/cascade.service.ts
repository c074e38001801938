import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, In } from 'typeorm';
import {
  CascadeSetup,
  countStandings,
  DEFAULT_CASCADE_ESCALATION_OFFSETS,
  DEFAULT_CASCADE_REMINDER_OFFSETS,
  DeadlineRule,
  deadlineRuleProblem,
  obligationDueAt,
  obligationDueOn,
  OBLIGATION_STANDING_VI,
  obligationStanding,
  ResolutionStatus,
  vnDateOf,
} from '@app/domain';
import { calendarYearsBetween, WorkingCalendar } from '@app/domain/calendar';
import { CascadeObligationEntity, ResolutionEntity, WorkingCalendarYearEntity } from '@app/persistence';
import { TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { CASCADE_WORKFLOW_TYPE, cascadeWorkflowId, withdrawObligationUpdate } from '@app/workflows/cascade/definitions';
import { AccessService, ResolutionAccessService } from '../access';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { LineageService } from '../supervision/lineage.service';
import { lineageFigures } from '../resolutions/resolution-lineage.service';
import { ResolutionsService } from '../resolutions/resolutions.service';
import { CreateObligationsDto, ObligationInputDto, WithdrawObligationDto } from './dto/obligation-input.dto';

/** Postgres' unique_violation. */
const UNIQUE_VIOLATION = '23505';
const NO_FIGURES = lineageFigures([]);

/**
 * The cascade of a registry entry: its writers oblige subordinate bodies to issue their own programme
 * by a deadline (rows in one transaction, then one workflow each, started idempotently so a retry with
 * the same request id starts what the first left unstarted), withdraw obligations, and supervisors read
 * who has issued, who is late and the roll-up of their programmes.
 */
@Injectable()
export class CascadeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    private readonly access: AccessService,
    private readonly registryAccess: ResolutionAccessService,
    private readonly resolutions: ResolutionsService,
    private readonly lineages: LineageService,
  ) {}

  async create(resolutionId: string, dto: CreateObligationsDto, principal: Principal) {
    const entry = await this.writableEntry(resolutionId, principal);
    const issuer = entry.issuingUnitId as string;
    const repo = this.dataSource.getRepository(CascadeObligationEntity);
    const retried = await repo.find({ where: { resolutionId: entry.id, requestId: dto.requestId } });
    if (retried.length > 0) {
      await this.startWorkflows(retried.map((o) => o.id));
      return this.view(
        entry.id,
        principal,
        retried.map((o) => o.id),
      );
    }
    if (entry.status !== ResolutionStatus.IN_FORCE)
      throw new BadRequestException(`${entry.number} is ${entry.status}: only an entry in force obliges bodies`);
    const unitIds = dto.obligations.map((o) => o.unitId);
    const twice = unitIds.find((u, i) => unitIds.indexOf(u) !== i);
    if (twice) throw new BadRequestException(`unit ${twice} is named twice`);
    const names = await this.registryAccess.obligedUnits(principal, issuer, unitIds);
    const rules = dto.obligations.map((o) => this.ruleOf(o, entry.signedOn));
    const calendar = await this.calendarFor(entry.signedOn);
    const committee = await this.registryAccess.committeeOf(issuer);
    const now = new Date();
    const ids = dto.obligations.map((o) => `${entry.id}--${o.unitId}-${now.getTime().toString(36)}`);
    try {
      await this.dataSource.transaction(async (tx) => {
        const taken: Array<{ unitId: string; id: string }> = await tx.query(
          `SELECT unit_id AS "unitId", id FROM cascade_obligation WHERE resolution_id = $1 AND unit_id = ANY($2) AND status <> 'WITHDRAWN'`,
          [entry.id, unitIds],
        );
        if (taken.length > 0)
          throw new BadRequestException(
            `duplicate: ${names.get(taken[0].unitId)} is obliged by ${entry.number} already (obligation ${taken[0].id})`,
          );
        for (const [i, o] of dto.obligations.entries()) {
          const dueOn = obligationDueOn(rules[i], entry.signedOn, calendar);
          const dueAt = obligationDueAt(dueOn, calendar);
          const setup: CascadeSetup = {
            obligationId: ids[i],
            resolutionId: entry.id,
            resolutionNumber: entry.number,
            resolutionTitle: entry.title,
            unitId: o.unitId,
            unitName: names.get(o.unitId) as string,
            issuerCommitteeId: committee,
            memberInChargeId: entry.memberInChargeId,
            dueOn,
            dueAt,
            createdAt: now.toISOString(),
            createdBy: principal.personId,
            reminderOffsets: DEFAULT_CASCADE_REMINDER_OFFSETS,
            escalationOffsets: DEFAULT_CASCADE_ESCALATION_OFFSETS,
            issuedAlready: await this.issuedAlready(tx.query.bind(tx), o.unitId, entry.id),
          };
          await tx.insert(CascadeObligationEntity, {
            id: ids[i],
            resolutionId: entry.id,
            unitId: o.unitId,
            deadlineKind: rules[i].kind,
            deadlineDays: rules[i].kind === 'DATE' ? null : rules[i].days,
            deadlineDate: rules[i].kind === 'DATE' ? rules[i].date : null,
            dueOn,
            dueAt: new Date(dueAt),
            status: setup.issuedAlready ? 'FULFILLED' : 'OPEN',
            programmeId: setup.issuedAlready?.programmeId ?? null,
            issuedOn: setup.issuedAlready?.issuedOn ?? null,
            workflowId: cascadeWorkflowId(ids[i]),
            requestId: dto.requestId,
            createdBy: principal.personId,
          } as Partial<CascadeObligationEntity>);
          // The workflow's input is kept with the row so that a retry starts it the same way.
          await tx.query(
            `INSERT INTO cascade_event (event_key, obligation_id, actor_id, action, occurred_at, after)
            VALUES ($1, $2, $3, 'obligation.setup', $4, $5)`,
            [`cascade/${ids[i]}#0`, ids[i], principal.personId, now, JSON.stringify(setup)],
          );
        }
      });
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION)
        throw new BadRequestException(`duplicate: one of the units is obliged by ${entry.number} already`);
      throw err;
    }
    await this.startWorkflows(ids);
    return this.view(entry.id, principal, ids);
  }

  async withdraw(resolutionId: string, obligationId: string, dto: WithdrawObligationDto, principal: Principal) {
    const entry = await this.writableEntry(resolutionId, principal);
    const repo = this.dataSource.getRepository(CascadeObligationEntity);
    const row = await repo.findOneBy({ id: obligationId, resolutionId: entry.id });
    if (!row) throw new NotFoundException(`no obligation ${obligationId} of ${entry.number}`);
    if (row.status === 'FULFILLED')
      throw new ConflictException(`the obligation is fulfilled already (programme ${row.programmeId})`);
    if (row.status === 'OPEN')
      await repo.update(
        { id: row.id, status: 'OPEN' },
        { status: 'WITHDRAWN', withdrawnAt: new Date(), withdrawnBy: principal.personId, withdrawReason: dto.reason },
      );
    try {
      // Withdrawn already: the same act again only makes sure the workflow has heard of it.
      await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(withdrawObligationUpdate, {
        args: [{ requestId: dto.requestId, actorId: principal.personId, reason: dto.reason }],
        updateId: `withdraw-${dto.requestId}`,
      });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError) && row.status === 'OPEN') throw err;
    }
    return (await this.view(entry.id, principal, [row.id])).obligations[0];
  }

  /**
   * The entry's cascade as the caller sees it: the obligations of bodies whose programmes they read
   * (all of them, or only `onlyIds`), each with its standing, its programmes and their roll-up.
   */
  async view(resolutionId: string, principal: Principal, onlyIds?: string[]) {
    const entry = await this.registryAccess.readableResolution(principal, resolutionId);
    const params = new SqlParams();
    const readable = await this.registryAccess.readableObligations(principal, 'o', params);
    const only = onlyIds ? `AND o.id = ANY(${params.add(onlyIds)}::text[])` : '';
    const rows: Array<CascadeObligationEntity & { unitName: string }> = await this.dataSource.query(
      `SELECT o.id, o.unit_id AS "unitId", u.name AS "unitName", o.deadline_kind AS "deadlineKind", o.deadline_days AS "deadlineDays",
              to_char(o.deadline_date, 'YYYY-MM-DD') AS "deadlineDate", to_char(o.due_on, 'YYYY-MM-DD') AS "dueOn", o.due_at AS "dueAt",
              o.status, o.programme_id AS "programmeId", to_char(o.issued_on, 'YYYY-MM-DD') AS "issuedOn",
              o.reminders_sent AS "remindersSent", o.escalations_sent AS "escalationsSent", o.withdrawn_at AS "withdrawnAt",
              o.withdraw_reason AS "withdrawReason"
         FROM cascade_obligation o JOIN org_unit u ON u.id = o.unit_id
        WHERE o.resolution_id = ${params.add(entry.id)} AND ${readable} ${only}
        ORDER BY u.name, o.created_at`,
      params.values,
    );
    const today = vnDateOf(Date.now());
    const programmesByUnit = await this.programmesByUnit(
      principal,
      entry.id,
      rows.map((r) => r.unitId),
    );
    const obligations = rows.map((r) => {
      const { standing, daysLate } = obligationStanding(
        { dueOn: r.dueOn, issuedOn: r.issuedOn, withdrawn: r.status === 'WITHDRAWN' },
        today,
      );
      const programmes = r.status === 'WITHDRAWN' ? [] : (programmesByUnit.get(r.unitId) ?? []);
      return {
        id: r.id,
        unitId: r.unitId,
        unitName: r.unitName,
        deadlineKind: r.deadlineKind,
        deadlineDays: r.deadlineDays,
        deadlineDate: r.deadlineDate,
        dueOn: r.dueOn,
        dueAt: new Date(r.dueAt).toISOString(),
        standing,
        standingVi: OBLIGATION_STANDING_VI[standing],
        daysLate,
        programmeId: r.programmeId,
        issuedOn: r.issuedOn,
        remindersSent: r.remindersSent,
        escalationsSent: r.escalationsSent,
        withdrawnAt: r.withdrawnAt ? new Date(r.withdrawnAt).toISOString() : null,
        withdrawReason: r.withdrawReason,
        programmes: programmes.map(({ id, title, phase, issuedOn }) => ({ id, title, phase, issuedOn })),
        figures: programmes.length ? lineageFigures(programmes) : NO_FIGURES,
      };
    });
    const shown = obligations
      .flatMap((o) => programmesByUnit.get(o.unitId) ?? [])
      .filter((_, i, all) => all.indexOf(_) === i);
    return {
      resolutionId: entry.id,
      number: entry.number,
      signedOn: entry.signedOn,
      asOf: today,
      counts: countStandings(obligations.map((o) => o.standing)),
      figures: lineageFigures(shown),
      obligations,
    };
  }

  /** The entry, readable (404) and the caller one of its writers (403 / 400); a central entry obliges no unit here. */
  private async writableEntry(resolutionId: string, principal: Principal): Promise<ResolutionEntity> {
    const entry = await this.registryAccess.readableResolution(principal, resolutionId);
    await this.registryAccess.mayWriteResolution(principal, entry.issuingUnitId, 'change');
    if (!entry.issuingUnitId)
      throw new BadRequestException(
        `${entry.number} is a central entry: only an entry of a unit obliges bodies below it`,
      );
    return entry;
  }

  private ruleOf(o: ObligationInputDto, signedOn: string): DeadlineRule {
    const named = (field: string) =>
      new BadRequestException(`unit ${o.unitId}: a ${o.deadlineKind} deadline needs ${field} and nothing else`);
    let rule: DeadlineRule;
    if (o.deadlineKind === 'DATE') {
      if (o.deadlineDate === undefined || o.deadlineDays !== undefined) throw named('deadlineDate');
      rule = { kind: 'DATE', date: o.deadlineDate };
    } else {
      if (o.deadlineDays === undefined || o.deadlineDate !== undefined) throw named('deadlineDays');
      rule = { kind: o.deadlineKind, days: o.deadlineDays };
    }
    const problem = deadlineRuleProblem(rule, signedOn);
    if (problem) throw new BadRequestException(`unit ${o.unitId}: ${problem}`);
    return rule;
  }

  /** The working-day table (admin-edited years, computed ones elsewhere) from the signing year on. */
  private async calendarFor(signedOn: string): Promise<WorkingCalendar> {
    const from = Number(signedOn.slice(0, 4));
    const to = from + 3;
    const rows = await this.dataSource
      .getRepository(WorkingCalendarYearEntity)
      .find({ where: { year: In([from, from + 1, from + 2, to]) } });
    return new WorkingCalendar(
      calendarYearsBetween(
        rows.map((r) => r.data),
        from,
        to,
      ),
    );
  }

  /** A programme the body issued already implementing the entry (or an entry of its own implementing it). */
  private async issuedAlready(
    query: (sql: string, params: unknown[]) => Promise<Array<{ id: string; issuedOn: string }>>,
    unitId: string,
    resolutionId: string,
  ): Promise<{ programmeId: string; issuedOn: string } | null> {
    const [row] = await query(
      `SELECT p.id, to_char(p.issued_on, 'YYYY-MM-DD') AS "issuedOn" FROM programme p LEFT JOIN resolution r ON r.id = p.resolution_id
        WHERE p.issuing_unit_id = $1 AND p.issued_on IS NOT NULL AND (p.resolution_id = $2 OR r.implements_id = $2)
        ORDER BY p.issued_on, p.id LIMIT 1`,
      [unitId, resolutionId],
    );
    return row ? { programmeId: row.id, issuedOn: row.issuedOn } : null;
  }

  private async startWorkflows(ids: string[]): Promise<void> {
    const setups: Array<{ obligation_id: string; after: CascadeSetup }> = await this.dataSource.query(
      `SELECT obligation_id, after FROM cascade_event WHERE action = 'obligation.setup' AND obligation_id = ANY($1)`,
      [ids],
    );
    for (const { after: setup } of setups) {
      try {
        await this.temporal.workflow.start(CASCADE_WORKFLOW_TYPE, {
          taskQueue: this.temporalOptions.taskQueue,
          workflowId: cascadeWorkflowId(setup.obligationId),
          args: [{ setup }],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    }
  }

  /** Per obliged body, its programmes implementing the entry (or an entry of its own implementing it) that the caller opens, expanded. */
  private async programmesByUnit(principal: Principal, resolutionId: string, unitIds: string[]) {
    const byUnit = new Map<
      string,
      Array<Awaited<ReturnType<LineageService['expandProgrammes']>>[number] & { issuedOn: string | null }>
    >();
    if (unitIds.length === 0) return byUnit;
    const lower: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM resolution WHERE implements_id = $1 AND issuing_unit_id = ANY($2)',
      [resolutionId, unitIds],
    );
    const found = await this.resolutions.programmesOf(principal, [resolutionId, ...lower.map((r) => r.id)], 1000, 0);
    const ofBodies = found.items.filter((p) => unitIds.includes(p.issuingUnitId));
    const issued = new Map<string, string | null>(
      (
        await this.dataSource.query(
          `SELECT id, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn" FROM programme WHERE id = ANY($1)`,
          [ofBodies.map((p) => p.id)],
        )
      ).map((r: { id: string; issuedOn: string | null }) => [r.id, r.issuedOn]),
    );
    const expanded = new Map(
      (
        await this.lineages.expandProgrammes(
          await this.access.scope(principal),
          ofBodies.filter((p) => p.title !== null).map((p) => p.id),
        )
      ).map((p) => [p.id, p]),
    );
    for (const p of ofBodies) {
      const detail = expanded.get(p.id);
      const item = {
        ...(detail ?? { annualPlans: [], tasks: [], targets: [] }),
        id: p.id,
        title: p.title,
        phase: p.phase,
        issuedOn: issued.get(p.id) ?? null,
      } as never;
      byUnit.set(p.issuingUnitId, [...(byUnit.get(p.issuingUnitId) ?? []), item]);
    }
    return byUnit;
  }
}
