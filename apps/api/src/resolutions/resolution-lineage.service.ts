import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Achievement, TaskBucket } from '@app/domain';
import { AccessService, ResolutionAccessService } from '../access';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { LineageProgramme, LineageService } from '../supervision/lineage.service';
import { ResolutionRow } from './resolution-rows';
import { MAX_LINEAGE_DEPTH, ResolutionProgramme, ResolutionsService } from './resolutions.service';

export interface LineageFigures {
  annualPlans: number;
  tasks: number;
  tasksDone: number;
  tasksOverdue: number;
  targets: number;
  targetsAchieved: number;
  progressPercent: number | null;
}

const DONE: ReadonlySet<string> = new Set([TaskBucket.DONE_ON_TIME, TaskBucket.DONE_LATE]);
const MET: ReadonlySet<string> = new Set([Achievement.ACHIEVED, Achievement.EXCEEDED]);

/** What a programme's lineage adds up to: its annual plans, tasks (cancelled ones apart) and targets by their latest value. */
export function lineageFigures(
  programmes: Array<Pick<LineageProgramme, 'annualPlans' | 'tasks' | 'targets'>>,
): LineageFigures {
  const tasks = programmes.flatMap((p) => p.tasks).filter((t) => t.bucket !== null);
  const targets = programmes.flatMap((p) => p.targets);
  const tasksDone = tasks.filter((t) => DONE.has(t.bucket as string)).length;
  return {
    annualPlans: programmes.reduce((n, p) => n + p.annualPlans.length, 0),
    tasks: tasks.length,
    tasksDone,
    tasksOverdue: tasks.filter((t) => t.bucket === TaskBucket.OPEN_OVERDUE).length,
    targets: targets.length,
    targetsAchieved: targets.filter((t) => MET.has(t.values.at(-1)?.achievement ?? '')).length,
    progressPercent: tasks.length === 0 ? null : Math.round((tasksDone * 100) / tasks.length),
  };
}

/**
 * A registry entry's lineage: the entry, the entries implementing it at every level below, their
 * programmes (a page of them), and under each programme its annual plans, tasks and targets with
 * figures, all as the caller may read them.
 */
@Injectable()
export class ResolutionLineageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registryAccess: ResolutionAccessService,
    private readonly resolutions: ResolutionsService,
    private readonly lineages: LineageService,
  ) {}

  async lineage(id: string, principal: Principal, page: number, pageSize: number) {
    await this.registryAccess.readableResolution(principal, id);
    const params = new SqlParams();
    const below: Array<{ id: string; depth: number }> = await this.dataSource.query(
      `WITH RECURSIVE below(id, depth) AS (
         SELECT id, 0 FROM resolution WHERE id = ${params.add(id)}
         UNION SELECT r.id, b.depth + 1 FROM resolution r JOIN below b ON r.implements_id = b.id WHERE b.depth < ${params.add(MAX_LINEAGE_DEPTH)})
       SELECT id, min(depth)::int AS depth FROM below GROUP BY id`,
      params.values,
    );
    const depthOf = new Map(below.map((b) => [b.id, b.depth]));
    const entries = (await this.resolutions.readable(principal, [...depthOf.keys()]))
      .map((r: ResolutionRow) => ({ ...r, depth: depthOf.get(r.id) as number }))
      .sort((a, b) => a.depth - b.depth || a.signedOn.localeCompare(b.signedOn) || a.number.localeCompare(b.number));
    const found = await this.resolutions.programmesOf(
      principal,
      entries.map((e) => e.id),
      pageSize,
      (page - 1) * pageSize,
    );
    const shown = found.items.filter((p) => p.title !== null).map((p) => p.id);
    const expanded = new Map(
      (await this.lineages.expandProgrammes(await this.access.scope(principal), shown)).map((p) => [p.id, p]),
    );
    const programmes = found.items.map((p: ResolutionProgramme) => {
      const detail = expanded.get(p.id);
      const parts = {
        annualPlans: detail?.annualPlans ?? [],
        tasks: detail?.tasks ?? [],
        targets: detail?.targets ?? [],
      };
      return { ...p, ...parts, figures: lineageFigures([parts]) };
    });
    return {
      resolution: entries[0],
      entries,
      programmes,
      programmesTotal: found.total,
      programmesWithheld: found.withheld,
      figures: lineageFigures(programmes),
      page,
      pageSize,
    };
  }
}
