import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { taskBucketSql } from '@app/persistence/queries/task-buckets.sql';
import { programmeInScope, restrictedFrom, type Scope, taskInScope } from '../access';
import { SqlParams } from '../common/sql-params';

export interface LineageTarget {
  code: string;
  name: string;
  unit: string;
  goal: Record<string, unknown>;
  responsibleUnitId: string;
  values: Array<{ reviewSeq: number; periodLabel: string; value: string | null; achievement: string | null }>;
}

export interface LineageTask {
  id: string;
  code: string;
  title: string;
  source: string;
  status: string;
  bucket: string | null;
  dueAt: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  /** The year of the annual plan that added the task, if one did. */
  annualPlanYear: number | null;
}

export interface LineageProgramme {
  id: string;
  title: string;
  documentNumber: string | null;
  phase: string;
  term: string;
  issuingUnitId: string;
  annualPlans: Array<{ year: number; title: string; items: string[]; taskCodes: string[] }>;
  tasks: LineageTask[];
  targets: LineageTarget[];
}

export interface Lineage {
  resolution: string | null;
  /** What the question started from. */
  anchor: { kind: 'RESOLUTION' | 'PROGRAMME' | 'TASK' | 'TARGET'; id: string };
  /** The task asked about, when the question started from one. */
  task?: LineageTask;
  programmes: LineageProgramme[];
  total: number;
  page: number;
  pageSize: number;
}

type ProgrammeRow = Pick<LineageProgramme, 'id' | 'title' | 'documentNumber' | 'phase' | 'term' | 'issuingUnitId'> & {
  implementsResolution: string | null;
  annualPlans: Array<{ year: number; title: string; items: string[]; tasks?: Array<{ code: string }> }> | null;
};

/**
 * Resolution → programmes implementing it → annual plans → tasks → targets, asked from the top (a
 * resolution) or from anywhere below (a programme, a task, a target), which then answers its chain up.
 */
@Injectable()
export class LineageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lineage(
    scope: Scope,
    q: { resolution?: string; programmeId?: string; taskId?: string; targetCode?: string },
    page: number,
    pageSize: number,
    now = new Date(),
  ): Promise<Lineage> {
    const anchors = [q.resolution, q.programmeId, q.taskId].filter((a) => a !== undefined).length;
    if (anchors !== 1 || (q.targetCode !== undefined && q.programmeId === undefined))
      throw new BadRequestException(
        'give exactly one of resolution, programmeId (optionally with targetCode) or taskId',
      );

    if (q.resolution !== undefined) {
      const params = new SqlParams();
      // A restricted programme the caller does not read is no part of any lineage they see (`secrecy`).
      const where = `p.implements_resolution = ${params.add(q.resolution)} AND ${programmeInScope(scope, 'p', params)} AND NOT ${restrictedFrom(scope.reader, 'p.id', params)}`;
      const [{ total }] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM programme p WHERE ${where}`,
        params.values,
      );
      const rows = await this.programmes(
        where,
        params,
        `ORDER BY p.id LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
      );
      return {
        resolution: q.resolution,
        anchor: { kind: 'RESOLUTION', id: q.resolution },
        programmes: await this.expand(scope, rows, now),
        total,
        page,
        pageSize,
      };
    }

    if (q.taskId !== undefined) {
      const [task] = await this.tasks(scope, null, now, q.taskId);
      if (!task) throw new NotFoundException(`task ${q.taskId} not found in what you may see`);
      const anchor = { kind: 'TASK' as const, id: q.taskId };
      const { programmeId: _, ...own } = task;
      // A breakthrough task of a yearly cycle belongs to no programme: its chain stops at itself.
      if (!task.programmeId)
        return { resolution: null, anchor, task: own, programmes: [], total: 0, page: 1, pageSize };
      const [found] = await this.oneProgramme(scope, task.programmeId, now, { taskId: q.taskId });
      return {
        resolution: found.resolution,
        anchor,
        task: found.programme.tasks[0] ?? own,
        programmes: [found.programme],
        total: 1,
        page: 1,
        pageSize,
      };
    }

    const programmeId = q.programmeId as string;
    const found = await this.oneProgramme(scope, programmeId, now, { targetCode: q.targetCode });
    if (q.targetCode !== undefined && found[0].programme.targets.length === 0)
      throw new NotFoundException(`programme ${programmeId} has no target ${q.targetCode}`);
    return {
      resolution: found[0].resolution,
      anchor:
        q.targetCode !== undefined
          ? { kind: 'TARGET', id: `${programmeId}/${q.targetCode}` }
          : { kind: 'PROGRAMME', id: programmeId },
      programmes: found.map((p) => p.programme),
      total: 1,
      page: 1,
      pageSize,
    };
  }

  /**
   * Programmes the caller has already been allowed to read (by id, e.g. those implementing a registry
   * entry), with their annual plans, their tasks in `scope` and their targets.
   */
  async expandProgrammes(scope: Scope, ids: string[], now = new Date()): Promise<LineageProgramme[]> {
    if (ids.length === 0) return [];
    const params = new SqlParams();
    const rows = await this.programmes(`p.id = ANY(${params.add(ids)}::text[])`, params, 'ORDER BY p.id');
    return this.expand(scope, rows, now);
  }

  /** One programme in scope, narrowed to one task or one target when the question came from there. */
  private async oneProgramme(scope: Scope, id: string, now: Date, only: { taskId?: string; targetCode?: string }) {
    const params = new SqlParams();
    const rows = await this.programmes(
      `p.id = ${params.add(id)} AND ${programmeInScope(scope, 'p', params)} AND NOT ${restrictedFrom(scope.reader, 'p.id', params)}`,
      params,
      '',
    );
    if (rows.length === 0 && only.taskId === undefined)
      throw new NotFoundException(`programme ${id} not found in what you may see`);
    // A task's own programme is shown even when the programme itself lies outside the caller's scope
    // (a unit's task under a higher committee's programme): the chain up, without its other tasks.
    const unscoped = new SqlParams();
    const row =
      rows[0] ??
      (
        await this.programmes(
          `p.id = ${unscoped.add(id)} AND NOT ${restrictedFrom(scope.reader, 'p.id', unscoped)}`,
          unscoped,
          '',
        )
      )[0];
    if (!row) throw new NotFoundException(`programme ${id} not found`);
    const [programme] = await this.expand(scope, [row], now, only);
    if (only.taskId)
      programme.annualPlans = programme.annualPlans.filter((a) =>
        programme.tasks.some((t) => t.annualPlanYear === a.year),
      );
    return [{ resolution: row.implementsResolution, programme }];
  }

  private programmes(where: string, params: SqlParams, tail: string): Promise<ProgrammeRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.title, p.document_number AS "documentNumber", p.phase, p.term, p.issuing_unit_id AS "issuingUnitId",
         p.implements_resolution AS "implementsResolution", p.snapshot -> 'implementation' -> 'annualPlans' AS "annualPlans"
       FROM programme p WHERE ${where} ${tail}`,
      params.values,
    );
  }

  private async expand(
    scope: Scope,
    rows: ProgrammeRow[],
    now: Date,
    only: { taskId?: string; targetCode?: string } = {},
  ): Promise<LineageProgramme[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tasks, targets] = await Promise.all([
      this.tasks(scope, ids, now, only.taskId),
      only.taskId ? [] : this.targets(ids, only.targetCode),
    ]);
    return rows.map((r) => {
      const plans = (r.annualPlans ?? []).map((a) => ({
        year: a.year,
        title: a.title,
        items: a.items,
        taskCodes: (a.tasks ?? []).map((t) => t.code),
      }));
      const planOf = (code: string) => plans.find((a) => a.taskCodes.includes(code))?.year ?? null;
      return {
        id: r.id,
        title: r.title,
        documentNumber: r.documentNumber,
        phase: r.phase,
        term: r.term,
        issuingUnitId: r.issuingUnitId,
        annualPlans: plans,
        tasks: tasks
          .filter((t) => t.programmeId === r.id)
          .map(({ programmeId: _, ...t }) => ({ ...t, annualPlanYear: planOf(t.code) })),
        targets: targets.filter((t) => t.programmeId === r.id).map(({ programmeId: _, ...t }) => t),
      };
    });
  }

  private async tasks(
    scope: Scope,
    programmeIds: string[] | null,
    now: Date,
    taskId?: string,
  ): Promise<Array<LineageTask & { programmeId: string | null }>> {
    const params = new SqlParams();
    const nowParam = params.add(now.toISOString());
    const where = [taskInScope(scope, 't', params)];
    if (programmeIds) where.push(`t.programme_id = ANY(${params.add(programmeIds)}::text[])`);
    if (taskId) where.push(`t.id = ${params.add(taskId)}`);
    const rows: Array<LineageTask & { programmeId: string | null }> = await this.dataSource.query(
      `SELECT t.id, t.programme_id AS "programmeId", t.code, t.title, t.source, t.status, ${taskBucketSql('t', `${nowParam}::timestamptz`)} AS bucket,
         t.due_at AS "dueAt", t.responsible_unit_id AS "responsibleUnitId", t.responsible_person_id AS "responsiblePersonId"
       FROM task t WHERE ${where.join(' AND ')} ORDER BY t.programme_id, t.due_at, t.id`,
      params.values,
    );
    return rows.map((t) => ({ ...t, annualPlanYear: null }));
  }

  private async targets(
    programmeIds: string[],
    code?: string,
  ): Promise<Array<LineageTarget & { programmeId: string }>> {
    const params = new SqlParams();
    const where = [`pt.programme_id = ANY(${params.add(programmeIds)}::text[])`];
    if (code !== undefined) where.push(`pt.code = ${params.add(code)}`);
    return this.dataSource.query(
      `SELECT pt.programme_id AS "programmeId", pt.code, pt.name, pt.unit, pt.goal, pt.responsible_unit_id AS "responsibleUnitId",
         COALESCE((SELECT json_agg(json_build_object('reviewSeq', tv.review_seq, 'periodLabel', tv.period_label, 'value', tv.value,
                     'achievement', tv.achievement) ORDER BY tv.review_seq)
                   FROM target_value tv WHERE tv.programme_id = pt.programme_id AND tv.target_code = pt.code), '[]'::json) AS values
       FROM programme_target pt WHERE ${where.join(' AND ')} ORDER BY pt.programme_id, pt.code`,
      params.values,
    );
  }
}
