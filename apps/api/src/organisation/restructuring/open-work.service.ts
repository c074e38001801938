import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { RESTRICTED_TASK_TITLE } from '../../access/secrecy';
import { restrictedFrom } from '../../access/scope-sql';
import type { Principal } from '../../auth/principal';
import { SqlParams } from '../../common/sql-params';
import type { OpenProgrammeResponse, OpenTaskResponse, OpenWorkResponse } from './dto/open-work.response';
import { openProgrammeOf, openTaskOf } from './open-work.sql';

/** The most programmes, and the most tasks, one answer lists; the totals say when there are more. */
export const OPEN_WORK_LISTED = 500;

/**
 * The open work of one unit, as a split hands it on (the items a change may send elsewhere), read by
 * the same conditions that check those items (`open-work.sql`).
 */
@Injectable()
export class OpenWorkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async of(unitId: string, principal: Principal): Promise<OpenWorkResponse> {
    const reader = await this.access.openWorkReader(principal, unitId);
    const programmes = new SqlParams();
    const programmeRows: Array<OpenProgrammeResponse & { total: number }> = await this.dataSource.query(
      `SELECT p.id, CASE WHEN ${restrictedFrom(reader, 'p.id', programmes)} THEN NULL ELSE p.title END AS title,
         p.document_number AS "documentNumber", p.phase, count(*) OVER ()::int AS total
       FROM programme p WHERE ${openProgrammeOf('p', programmes.add([unitId]))}
       ORDER BY p.id LIMIT ${programmes.add(OPEN_WORK_LISTED)}`,
      programmes.values,
    );
    const tasks = new SqlParams();
    const taskRows: Array<Omit<OpenTaskResponse, 'dueAt'> & { dueAt: Date; total: number }> =
      await this.dataSource.query(
        `SELECT t.id, t.code,
           CASE WHEN ${restrictedFrom(reader, 't.programme_id', tasks)} THEN ${tasks.add(RESTRICTED_TASK_TITLE)} ELSE t.title END AS title,
           t.programme_id AS "programmeId", t.responsible_unit_id AS "responsibleUnitId",
           t.issuing_unit_id AS "issuingUnitId", t.status, t.due_at AS "dueAt", count(*) OVER ()::int AS total
         FROM task t WHERE ${openTaskOf('t', tasks.add([unitId]))}
         ORDER BY t.due_at, t.id LIMIT ${tasks.add(OPEN_WORK_LISTED)}`,
        tasks.values,
      );
    return {
      unitId,
      programmes: programmeRows.map(({ total: _total, ...p }) => p),
      programmesTotal: programmeRows[0]?.total ?? 0,
      tasks: taskRows.map(({ total: _total, dueAt, ...t }) => ({ ...t, dueAt: new Date(dueAt).toISOString() })),
      tasksTotal: taskRows[0]?.total ?? 0,
    };
  }
}
