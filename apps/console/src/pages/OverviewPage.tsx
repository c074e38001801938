import type { ChartConfiguration } from 'chart.js';
import { FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { api, apiUrl, BUCKETS, Schemas } from '../api';
import { BucketTiles } from '../components/BucketTiles';
import { BUCKET_COLOURS, ChartCanvas } from '../components/ChartCanvas';
import { TextKey, useI18n } from '../i18n';
import { localisePhrase } from '../../../../libs/domain/src/i18n/workflow-phrases';

type BucketRow = Schemas['BucketRowResponse'];
type Overview = Schemas['OverviewResponse'];
type ProgrammeRow = Schemas['SupervisedProgrammeResponse'];

/** Supervisors: where everything stands in the committee and term they supervise, with drill-down. */
export function OverviewPage() {
  const { t, phase, date, field, lang } = useI18n();
  const [committeeId, setCommitteeId] = useState('');
  const [term, setTerm] = useState('');
  const [filters, setFilters] = useState({ committeeId: '', term: '' });
  const [overview, setOverview] = useState<Overview | null>(null);
  const [programmes, setProgrammes] = useState<ProgrammeRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState<Schemas['UnitInScopeResponse'][]>([]);

  useEffect(() => {
    api.get('/supervision/units').then(setUnits, (err: Error) => setError(err.message));
  }, []);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [o, p] = await Promise.all([
        api.get('/supervision/overview', { query: filters }),
        api.get('/supervision/programmes', { query: { ...filters, pageSize: 100 } }),
      ]);
      setOverview(o);
      setProgrammes(p.items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  const charts = useMemo(() => (overview ? buildCharts(overview, t, phase) : null), [overview, t, phase]);
  const csv = (list: string) =>
    api.download(apiUrl('/supervision/overview', { query: { ...filters, format: 'csv', list } }), `${list}.csv`);

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ committeeId, term });
  }

  return (
    <div className="page">
      <form className="card filters" onSubmit={apply}>
        <label>
          {t('committee')}
          <select name="committeeId" value={committeeId} onChange={(e) => setCommitteeId(e.target.value)}>
            {units.map((u, i) => (
              <option key={u.id} value={i === 0 ? '' : u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('term')}
          <input name="term" value={term} placeholder="2020-2025" onChange={(e) => setTerm(e.target.value)} />
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!overview && !error && <p>{t('loading')}</p>}
      {overview && charts && (
        <>
          <section className="card">
            <h2 data-testid="committee-name">{overview.committee?.name ?? t('overview')}</h2>
            <BucketTiles counts={overview.tasks.total} />
          </section>
          <div className="grid">
            <section className="card">
              <h3>{t('bucketsByUnit')}</h3>
              <ChartCanvas config={charts.byUnit} label={t('bucketsByUnit')} testId="chart-by-unit" />
              <button type="button" className="link" onClick={() => csv('byUnit')}>
                {t('exportCsv')}
              </button>
            </section>
            <section className="card">
              <h3>{t('achievement')}</h3>
              <ChartCanvas config={charts.achievement} label={t('achievement')} testId="chart-achievement" />
              <button type="button" className="link" onClick={() => csv('achievement')}>
                {t('exportCsv')}
              </button>
            </section>
            <section className="card">
              <h3>{t('overdueTrend')}</h3>
              <ChartCanvas config={charts.trend} label={t('overdueTrend')} testId="chart-trend" />
              <button type="button" className="link" onClick={() => csv('overdueTrend')}>
                {t('exportCsv')}
              </button>
            </section>
            <section className="card">
              <h3>{t('programmesByPhase')}</h3>
              <ChartCanvas config={charts.phases} label={t('programmesByPhase')} testId="chart-phases" />
              <button type="button" className="link" onClick={() => csv('phases')}>
                {t('exportCsv')}
              </button>
            </section>
          </div>

          <section className="card">
            <h3>{t('achievement')}</h3>
            <div className="table-wrap" tabIndex={0}>
              <table data-testid="achievement-table">
                <thead>
                  <tr>
                    <th>{t('programme')}</th>
                    <th>{t('period')}</th>
                    <th>{t('achievedOf')}</th>
                    <th>{t('lowTargets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.achievement.items.map((a) => (
                    <tr key={`${a.programmeId}-${a.periodLabel}`}>
                      <td>
                        <a href={`#/programme/${encodeURIComponent(a.programmeId)}`}>{a.documentNumber ?? a.title}</a>
                      </td>
                      <td>{a.periodLabel}</td>
                      <td className="num">
                        {a.achievedOrExceeded}/{a.targetsTotal}
                      </td>
                      <td>{a.low.map((l) => l.name ?? l.code).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <BucketTable
            title={t('bucketsByUnit')}
            keyLabel={t('unit')}
            rows={overview.tasks.byUnit}
            onCsv={() => csv('byUnit')}
            testId="by-unit"
          />
          <BucketTable
            title={t('bucketsByMember')}
            keyLabel={t('member')}
            rows={overview.tasks.byMemberInCharge}
            onCsv={() => csv('byMemberInCharge')}
            testId="by-member"
          />
          <BucketTable
            title={t('bucketsByField')}
            keyLabel={t('field')}
            rows={overview.tasks.byFieldGroup.map((r) => ({ ...r, label: r.key ? field(r.key) : null }))}
            onCsv={() => csv('byFieldGroup')}
            testId="by-field"
          />

          <section className="card">
            <h3>{t('programmes')}</h3>
            <div className="table-wrap" tabIndex={0}>
              <table data-testid="programmes-table">
                <thead>
                  <tr>
                    <th>{t('programme')}</th>
                    <th>{t('phase')}</th>
                    <th>{t('phaseDeadline')}</th>
                    <th>{t('achievement')}</th>
                  </tr>
                </thead>
                <tbody>
                  {programmes.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <a href={`#/programme/${encodeURIComponent(p.id)}`} data-programme-id={p.id}>
                          {p.documentNumber ? `${p.documentNumber} — ` : ''}
                          {p.title}
                        </a>
                      </td>
                      <td>{phase(p.phase)}</td>
                      <td>{date(p.phaseDeadline)}</td>
                      <td>{p.latestReviewHeadline ? localisePhrase(p.latestReviewHeadline, lang) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function BucketTable({
  title,
  keyLabel,
  rows,
  onCsv,
  testId,
}: {
  title: string;
  keyLabel: string;
  rows: BucketRow[];
  onCsv: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h3>{title}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>{keyLabel}</th>
              {BUCKETS.map((b) => (
                <th key={b}>{t(b)}</th>
              ))}
              <th>{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key ?? '-'}>
                <td>{r.label ?? r.key ?? '—'}</td>
                {BUCKETS.map((b) => (
                  <td key={b} className="num">
                    {r[b]}
                  </td>
                ))}
                <td className="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="link" onClick={onCsv}>
        {t('exportCsv')}
      </button>
    </section>
  );
}

function buildCharts(o: Overview, t: (k: TextKey) => string, phase: (p: string) => string) {
  const byUnit: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: o.tasks.byUnit.map((r) => r.label ?? r.key ?? '—'),
      datasets: BUCKETS.map((b) => ({
        label: t(b),
        data: o.tasks.byUnit.map((r) => r[b]),
        backgroundColor: BUCKET_COLOURS[b],
      })),
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } },
  };
  const achievement: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: o.achievement.items.map((a) => `${a.documentNumber ?? a.programmeId} (${a.periodLabel})`),
      datasets: [
        {
          label: `% ${t('achievedOf')}`,
          data: o.achievement.items.map((a) => Math.round((100 * a.achievedOrExceeded) / Math.max(1, a.targetsTotal))),
          backgroundColor: '#2e7d32',
        },
      ],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  };
  const trend: ChartConfiguration = {
    type: 'line',
    data: {
      labels: o.tasks.overdueTrend.map((m) => m.month),
      datasets: [
        { label: t('dueInMonth'), data: o.tasks.overdueTrend.map((m) => m.due), borderColor: '#1565c0' },
        { label: t('late'), data: o.tasks.overdueTrend.map((m) => m.late), borderColor: '#c62828' },
      ],
    },
  };
  const phases: ChartConfiguration = {
    type: 'doughnut',
    data: {
      labels: o.programmesByPhase.map((p) => phase(p.phase)),
      datasets: [
        {
          data: o.programmesByPhase.map((p) => p.count),
          backgroundColor: ['#1565c0', '#2e7d32', '#f9a825', '#6a1b9a', '#c62828', '#00838f', '#5d4037', '#455a64'],
        },
      ],
    },
  };
  return { byUnit, achievement, trend, phases };
}
