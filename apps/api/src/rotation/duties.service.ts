import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BreakthroughState,
  cycleDuties,
  DUTY_KIND_LABEL_VI,
  DUTY_KINDS,
  DutyKind,
  HeldDuty,
  OPEN_TASK_STATUSES,
  programmeDuties,
  ProgrammeState,
  taskDuties,
  TaskState,
  TERMINAL_PHASES,
} from '@app/domain';
import { AccessService, RotationAccessService, RESTRICTED_TASK_TITLE } from '../access';
import { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import type { DutyGroupResponse, DutyResponse, PersonDutiesResponse } from './dto/duties.response';

/** The title a secret programme's duty shows to someone who does not read its content. */
export const RESTRICTED_PROGRAMME_TITLE = 'Chương trình mật';

/** Which workflow holds a duty: what a transfer sends its update to. */
export type DutyHolder = 'PROGRAMME' | 'TASK' | 'CYCLE';

/** A duty as found, with the workflow that holds it. */
export interface FoundDuty extends DutyResponse {
  workflowId: string;
  holder: DutyHolder;
}

interface Row<S> {
  id: string;
  title: string;
  workflowId: string;
  programmeId: string | null;
  hidden: boolean;
  snapshot: S;
}

/**
 * A person's open duties, from the read model: programmes and tasks (their projected states) and
 * breakthrough cycles (their projected states, kept since rotations needed their appraisers and
 * registrants). Which duties a state gives is decided by the same pure rules the workflows apply.
 */
@Injectable()
export class DutiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly rotationAccess: RotationAccessService,
  ) {}

  async listing(personId: string, p: Principal): Promise<PersonDutiesResponse> {
    const person = await this.rotationAccess.personForRotation(p, personId, 'read');
    const duties = await this.dutiesOf(person.id, p);
    return {
      personId: person.id,
      fullName: person.fullName,
      unitId: person.unitId,
      total: duties.length,
      groups: grouped(duties),
    };
  }

  /** Every open duty of `personId`, titles as `p` may read them. */
  async dutiesOf(personId: string, p: Principal): Promise<FoundDuty[]> {
    const [programmes, tasks, cycles] = await Promise.all([
      this.rows<ProgrammeState>(async (params) => {
        const mentions = mentioning('x.snapshot', params.add(personId));
        return `SELECT x.id, x.title, x.workflow_id AS "workflowId", x.id AS "programmeId", x.snapshot,
                  ${await this.access.restrictedFrom(p, 'x.id', params)} AS hidden
             FROM programme x WHERE x.orphaned_at IS NULL AND x.phase <> ALL(${params.add(TERMINAL_PHASES)}::text[]) AND ${projected('x.snapshot')}
              AND ${mentions} ORDER BY x.id`;
      }),
      this.rows<TaskState>(async (params) => {
        const me = params.add(personId);
        return `SELECT x.id, x.title, x.workflow_id AS "workflowId", x.programme_id AS "programmeId", x.snapshot,
                  (x.programme_id IS NOT NULL AND ${await this.access.restrictedFrom(p, 'x.programme_id', params)}) AS hidden
             FROM task x WHERE x.orphaned_at IS NULL AND x.status = ANY(${params.add(OPEN_TASK_STATUSES)}::text[]) AND ${projected('x.snapshot')}
              AND (x.responsible_person_id = ${me} OR x.assigner_id = ${me} OR x.member_in_charge_id = ${me}) ORDER BY x.id`;
      }),
      this.rows<BreakthroughState>(
        async (params) =>
          `SELECT x.id, x.title, x.workflow_id AS "workflowId", NULL AS "programmeId", x.snapshot, FALSE AS hidden
             FROM breakthrough_cycle x WHERE x.orphaned_at IS NULL AND x.phase <> 'CLOSED' AND ${projected('x.snapshot')}
              AND ${mentioning('x.snapshot', params.add(personId))} ORDER BY x.id`,
      ),
    ]);
    return [
      ...programmes.flatMap((r) =>
        found(r, 'PROGRAMME', programmeDuties(r.snapshot, personId), RESTRICTED_PROGRAMME_TITLE),
      ),
      ...tasks.flatMap((r) => found(r, 'TASK', taskDuties(r.snapshot, personId), RESTRICTED_TASK_TITLE)),
      ...cycles.flatMap((r) => found(r, 'CYCLE', cycleDuties(r.snapshot, personId), r.title)),
    ];
  }

  private async rows<S>(build: (params: SqlParams) => Promise<string>): Promise<Array<Row<S>>> {
    const params = new SqlParams();
    const sql = await build(params);
    return this.dataSource.query(sql, params.values);
  }
}

/**
 * A row that holds its workflow's projected state: one written before states were kept (the column's
 * default `{}`, until the workflow's next change) or by hand holds none, and the rules have nothing to
 * read; the projection reads a stored state by the same test.
 */
function projected(json: string): string {
  return `${json} ? 'setup'`;
}

/** A projected state (jsonb) that names the person anywhere: the pure rules then say in what role. */
function mentioning(json: string, person: string): string {
  return `jsonb_path_exists(${json}, '$.** ? (@ == $id)', jsonb_build_object('id', ${person}::text))`;
}

function found<K extends DutyKind>(
  row: Row<unknown>,
  holder: DutyHolder,
  held: HeldDuty<K>[],
  maskedTitle: string,
): FoundDuty[] {
  return held.map((d) => ({
    kind: d.kind,
    programmeId: row.programmeId,
    taskId: holder === 'TASK' ? row.id : null,
    cycleId: holder === 'CYCLE' ? row.id : null,
    title: row.hidden ? maskedTitle : row.title,
    restricted: row.hidden,
    ref: d.ref,
    workflowId: row.workflowId,
    holder,
  }));
}

/** The duties by kind, in the fixed order of kinds, without the workflow bookkeeping. */
export function grouped(duties: FoundDuty[]): DutyGroupResponse[] {
  return DUTY_KINDS.map((kind) => ({
    kind,
    label: DUTY_KIND_LABEL_VI[kind],
    items: duties.filter((d) => d.kind === kind).map(({ workflowId: _w, holder: _h, ...duty }) => duty),
  })).filter((g) => g.items.length > 0);
}
