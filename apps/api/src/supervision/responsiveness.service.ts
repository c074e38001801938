import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsultationRound, ProgrammeState, Review } from '@app/domain';
import { responsivenessInScope, type Scope } from '../access';
import {
  type TaskResponsiveness,
  type TaskResponsivenessColumns,
  taskResponsivenessOf,
  taskResponsivenessSql,
} from '@app/persistence/queries/task-responsiveness.sql';
import { SqlParams } from '../common/sql-params';

export interface ResponsivenessRow {
  key: string;
  label: string | null;
  consultation: { invited: number; onTime: number; late: number; silent: number; onTimeRate: number | null };
  dissemination: { audience: number; acknowledged: number; coverage: number | null };
  progressReports: { expected: number; onTime: number; late: number; missing: number; onTimeRate: number | null };
  /** The tasks the unit (or person) is responsible for, reopenings included. */
  tasks: TaskResponsiveness;
}

interface SnapshotParts {
  consultations: ConsultationRound[] | null;
  dissemination: ProgrammeState['dissemination'] | null;
  reviews: Review[] | null;
  finalReview: Review | null;
}

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
const time = (iso: string) => Date.parse(iso);

/**
 * How promptly units and people answer: consultation opinions by the round's deadline, dissemination
 * acknowledged, progress reports in before the review closed, tasks done on time (a task reopened by an
 * inspection finding is open again until done again, and counted as reopened). The figures feed the
 * annual appraisal.
 */
@Injectable()
export class ResponsivenessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async responsiveness(
    scope: Scope,
    term: string | undefined,
    asked: 'unit' | 'person',
    now = new Date(),
  ): Promise<ResponsivenessRow[]> {
    const params = new SqlParams();
    const { by, programmes, onlyKey } = responsivenessInScope(scope, asked, 'p', params);
    const where = [programmes];
    if (term) where.push(`p.term = ${params.add(term)}`);
    const parts: SnapshotParts[] = await this.dataSource.query(
      `SELECT p.snapshot -> 'consultations' AS consultations, p.snapshot -> 'dissemination' AS dissemination,
         p.snapshot -> 'implementation' -> 'reviews' AS reviews, p.snapshot -> 'finalReview' -> 'review' AS "finalReview"
       FROM programme p WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const taskParams = new SqlParams();
    const taskScope = responsivenessInScope(scope, asked, 'p', taskParams);
    const taskWhere = [taskScope.programmes];
    if (term) taskWhere.push(`p.term = ${taskParams.add(term)}`);
    const taskRows: TaskResponsivenessColumns[] = await this.dataSource.query(
      taskResponsivenessSql(taskScope.by, {
        now: taskParams.add(now),
        programmes: taskWhere.join(' AND '),
        ownOnly:
          taskScope.onlyKey === null ? undefined : `t.responsible_person_id = ${taskParams.add(taskScope.onlyKey)}`,
      }),
      taskParams.values,
    );
    const people: Array<{ id: string; fullName: string; unitId: string }> = await this.dataSource.query(
      'SELECT id, full_name AS "fullName", unit_id AS "unitId" FROM person',
    );
    const units: Array<{ id: string; name: string }> = await this.dataSource.query('SELECT id, name FROM org_unit');
    const unitOfPerson = new Map(people.map((p) => [p.id, p.unitId]));
    const label = new Map<string, string>(
      by === 'person' ? people.map((p) => [p.id, p.fullName]) : units.map((u) => [u.id, u.name]),
    );

    const rows = new Map<string, ResponsivenessRow>();
    const row = (key: string): ResponsivenessRow => {
      let r = rows.get(key);
      if (!r) {
        r = {
          key,
          label: label.get(key) ?? null,
          consultation: { invited: 0, onTime: 0, late: 0, silent: 0, onTimeRate: null },
          dissemination: { audience: 0, acknowledged: 0, coverage: null },
          progressReports: { expected: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null },
          tasks: taskResponsivenessOf(undefined),
        };
        rows.set(key, r);
      }
      return r;
    };
    const keyOfPerson = (personId: string) => (by === 'person' ? personId : (unitOfPerson.get(personId) ?? personId));

    for (const p of parts) {
      for (const round of p.consultations ?? []) {
        const over = round.closedAt !== null || time(round.deadline) < now.getTime();
        for (const invitee of round.inviteeIds) {
          const opinion = round.opinions[invitee];
          if (!opinion && !over) continue; // still time to answer: not counted yet
          const c = row(keyOfPerson(invitee)).consultation;
          c.invited += 1;
          if (!opinion) c.silent += 1;
          else if (time(opinion.at) <= time(round.deadline)) c.onTime += 1;
          else c.late += 1;
        }
      }
      const d = p.dissemination;
      for (const person of d?.audienceIds ?? []) {
        const r = row(keyOfPerson(person)).dissemination;
        r.audience += 1;
        if (d?.acknowledged[person]) r.acknowledged += 1;
      }
      for (const review of [...(p.reviews ?? []), ...(p.finalReview ? [p.finalReview] : [])]) {
        const over = review.closedAt !== null || time(review.closesAt) < now.getTime();
        for (const unitId of review.expectedUnitIds) {
          const report = review.reports[unitId];
          if (!report && !over) continue;
          // Reports are a unit's; by person they count for whoever submitted them.
          if (by === 'person' && !report) continue;
          const r = row(by === 'person' ? report.by : unitId).progressReports;
          r.expected += 1;
          if (!report) r.missing += 1;
          else if (time(report.at) <= time(review.closesAt)) r.onTime += 1;
          else r.late += 1;
        }
      }
    }
    for (const t of taskRows) row(t.key).tasks = taskResponsivenessOf(t);
    const out = [...rows.values()]
      .filter((r) => onlyKey === null || r.key === onlyKey)
      .map((r) => {
        r.consultation.onTimeRate = rate(r.consultation.onTime, r.consultation.invited);
        r.dissemination.coverage = rate(r.dissemination.acknowledged, r.dissemination.audience);
        r.progressReports.onTimeRate = rate(r.progressReports.onTime, r.progressReports.expected);
        return r;
      });
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }
}
