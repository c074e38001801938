import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { RECONCILE_KINDS, type ReconcileTally } from '@app/workflows/reconcile/definitions';
import { WORKER_METRICS } from '../worker-metrics';

const OUTCOMES = ['checked', 'repaired', 'created', 'orphaned'] as const;

/** What reconciliations found, as Prometheus counters: a rising `repaired` or `orphaned` is worth a look. */
@Injectable()
export class ReconcileMetrics {
  private readonly runs: Counter;
  private readonly rows: Counter<'kind' | 'outcome'>;
  private readonly lastRun: Gauge;

  constructor(@Inject(WORKER_METRICS) registry: Registry) {
    this.runs = new Counter({
      name: 'read_model_reconciliation_runs_total',
      help: 'Reconciliations of the read model finished',
      registers: [registry],
    });
    this.rows = new Counter({
      name: 'read_model_reconciliation_rows_total',
      help: 'Read-model rows and workflows a reconciliation checked, repaired (drifted), created (missing) or orphaned',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    });
    this.lastRun = new Gauge({
      name: 'read_model_reconciliation_last_finished_seconds',
      help: 'When the last reconciliation of the read model finished (Unix time)',
      registers: [registry],
    });
  }

  record(tally: ReconcileTally, finishedAt: Date): void {
    this.runs.inc();
    for (const kind of RECONCILE_KINDS)
      for (const outcome of OUTCOMES) this.rows.inc({ kind: kind.toLowerCase(), outcome }, tally[kind][outcome]);
    this.lastRun.set(finishedAt.getTime() / 1000);
  }
}
