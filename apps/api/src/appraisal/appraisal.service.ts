import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppraisalRating,
  AppraisalSubjectKind,
  AppraisalTargetFacts,
  AppraisalTaskFacts,
  vnYearSpan,
  YearlyFigures,
  yearlyFigures,
} from '@app/domain';
import { appraisedUnitInScope, type SupervisorScope } from '../access';
import { SqlParams } from '../common/sql-params';

export interface AppraisalRow {
  subjectKind: AppraisalSubjectKind;
  subjectId: string;
  name: string | null;
  unitId: string;
  figures: YearlyFigures;
  appraisal: { rating: AppraisalRating; comment: string; appraisedBy: string; appraisedAt: string } | null;
}

interface Subject {
  id: string;
  name: string;
  unitId: string;
}

/**
 * The yearly appraisal: each unit or person in scope with figures computed from their tasks and
 * targets of the year (libs/domain/src/appraisal) and the rating the committee's leaders gave.
 */
@Injectable()
export class AppraisalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every unit (or person) in scope with a task or target that year, or an appraisal: key order. */
  async list(
    scope: SupervisorScope,
    year: number,
    kind: AppraisalSubjectKind,
    now = new Date(),
  ): Promise<AppraisalRow[]> {
    const { from, to } = vnYearSpan(year);
    const params = new SqlParams();
    const tasks: AppraisalTaskFacts[] = await this.dataSource.query(
      `SELECT t.responsible_unit_id AS "responsibleUnitId", t.responsible_person_id AS "responsiblePersonId",
         t.status, t.due_at AS "dueAt", t.done_at AS "doneAt", t.reopen_count AS "reopenCount"
       FROM task t WHERE t.due_at >= ${params.add(from)} AND t.due_at < ${params.add(to)}
         AND ${appraisedUnitInScope(scope, 't.responsible_unit_id', params)}`,
      params.values,
    );
    const targets = await this.targetsJudgedIn(scope, from, to);
    const subjects = await this.subjects(scope, kind);
    const appraisals = await this.appraisals(scope, year, kind);
    const ids = new Set([
      ...tasks.map((t) => (kind === 'UNIT' ? t.responsibleUnitId : t.responsiblePersonId)),
      ...(kind === 'UNIT' ? targets.map((t) => t.responsibleUnitId) : []),
      ...appraisals.keys(),
    ]);
    return [...ids].sort().map((id) => {
      const subject = subjects.get(id);
      return {
        subjectKind: kind,
        subjectId: id,
        name: subject?.name ?? null,
        unitId: subject?.unitId ?? id,
        figures: yearlyFigures(kind, id, year, tasks, targets, now),
        appraisal: appraisals.get(id) ?? null,
      };
    });
  }

  /** The unit a subject is appraised in (the unit itself, or the person's unit); 404 when unknown. */
  async subjectUnit(kind: AppraisalSubjectKind, id: string): Promise<string> {
    const rows: Array<{ unitId: string }> =
      kind === 'UNIT'
        ? await this.dataSource.query('SELECT id AS "unitId" FROM org_unit WHERE id = $1', [id])
        : await this.dataSource.query('SELECT unit_id AS "unitId" FROM person WHERE id = $1', [id]);
    if (!rows[0]) throw new NotFoundException(`no ${kind === 'UNIT' ? 'unit' : 'person'} ${id}`);
    return rows[0].unitId;
  }

  /** Records (or replaces) the rating with the figures as they stand now; answers the row. */
  async appraise(
    scope: SupervisorScope,
    year: number,
    kind: AppraisalSubjectKind,
    subjectId: string,
    unitId: string,
    rating: AppraisalRating,
    comment: string,
    by: string,
  ): Promise<AppraisalRow> {
    const figures = (await this.list(scope, year, kind)).find((r) => r.subjectId === subjectId)?.figures;
    const empty = yearlyFigures(kind, subjectId, year, [], [], new Date());
    await this.dataSource.query(
      `INSERT INTO appraisal (year, subject_kind, subject_id, unit_id, rating, comment, figures, appraised_by, appraised_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8, now())
       ON CONFLICT (year, subject_kind, subject_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, rating = EXCLUDED.rating,
         comment = EXCLUDED.comment, figures = EXCLUDED.figures, appraised_by = EXCLUDED.appraised_by, appraised_at = now()`,
      [year, kind, subjectId, unitId, rating, comment, JSON.stringify(figures ?? empty), by],
    );
    const row = (await this.list(scope, year, kind)).find((r) => r.subjectId === subjectId);
    return row!;
  }

  /** Each unit target's latest value judged in a review reported in the year (Vietnam time). */
  private async targetsJudgedIn(scope: SupervisorScope, from: Date, to: Date): Promise<AppraisalTargetFacts[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT DISTINCT ON (v.programme_id, v.target_code) pt.responsible_unit_id AS "responsibleUnitId",
         v.achievement
       FROM target_value v JOIN programme_target pt ON pt.programme_id = v.programme_id AND pt.code = v.target_code
       WHERE v.achievement IS NOT NULL AND v.reported_at >= ${params.add(from)} AND v.reported_at < ${params.add(to)}
         AND ${appraisedUnitInScope(scope, 'pt.responsible_unit_id', params)}
       ORDER BY v.programme_id, v.target_code, v.review_seq DESC`,
      params.values,
    );
  }

  private async subjects(scope: SupervisorScope, kind: AppraisalSubjectKind): Promise<Map<string, Subject>> {
    const params = new SqlParams();
    const rows: Subject[] =
      kind === 'UNIT'
        ? await this.dataSource.query(
            `SELECT id, name, id AS "unitId" FROM org_unit u WHERE ${appraisedUnitInScope(scope, 'u.id', params)}`,
            params.values,
          )
        : await this.dataSource.query(
            `SELECT id, full_name AS name, unit_id AS "unitId" FROM person p
             WHERE ${appraisedUnitInScope(scope, 'p.unit_id', params)}`,
            params.values,
          );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async appraisals(scope: SupervisorScope, year: number, kind: AppraisalSubjectKind) {
    const params = new SqlParams();
    const rows: Array<{ subjectId: string } & NonNullable<AppraisalRow['appraisal']>> = await this.dataSource.query(
      `SELECT a.subject_id AS "subjectId", a.rating, a.comment, a.appraised_by AS "appraisedBy",
         to_json(a.appraised_at) #>> '{}' AS "appraisedAt"
       FROM appraisal a WHERE a.year = ${params.add(year)} AND a.subject_kind = ${params.add(kind)}
         AND ${appraisedUnitInScope(scope, 'a.unit_id', params)}`,
      params.values,
    );
    return new Map(rows.map(({ subjectId, ...a }) => [subjectId, a]));
  }
}
