import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { TaskStatus } from '@app/domain';
import { AccessService } from '../access';
import { METRICS_REGISTRY } from './metrics.tokens';

/** A scrape every few seconds must not run the query each time: the figure is kept this long. */
const CACHE_MS = 30_000;

/**
 * Open tasks past their due date, per province (the root unit of the responsible unit's tree).
 * Computed on scrape with one grouped count over the due-date index (one row per unit with overdue
 * tasks, so bounded by the number of units), cached for half a minute.
 */
@Injectable()
export class OverdueTasksMetric {
  private cached: { at: number; byProvince: Map<string, number> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    const byProvince = () => this.byProvince();
    new Gauge({
      name: 'ap_tasks_overdue',
      help: 'open tasks past their due date, per province',
      labelNames: ['province'] as const,
      registers: [registry],
      async collect() {
        const counts = await byProvince();
        this.reset();
        for (const [province, count] of counts) this.set({ province }, count);
      },
    });
  }

  async byProvince(now = Date.now()): Promise<Map<string, number>> {
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.byProvince;
    const rows: Array<{ unit: string; overdue: string }> = await this.dataSource.query(
      `SELECT responsible_unit_id AS unit, count(*) AS overdue FROM task
        WHERE due_at < now() AND status NOT IN ($1, $2) AND orphaned_at IS NULL GROUP BY responsible_unit_id`,
      [TaskStatus.DONE, TaskStatus.CANCELLED],
    );
    const provinces = await this.access.provincesOf(rows.map((r) => r.unit));
    const byProvince = new Map<string, number>();
    for (const r of rows) {
      const province = provinces.get(r.unit) ?? r.unit;
      byProvince.set(province, (byProvince.get(province) ?? 0) + Number(r.overdue));
    }
    this.cached = { at: now, byProvince };
    return byProvince;
  }
}
