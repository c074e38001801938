import { Fragment, useEffect, useState } from 'react';
import { api, ApiError, apiUrl, Schemas } from '../api';
import { TextKey } from '../i18n';
import { Pager, ResolutionsNav } from './ResolutionsNav';
import { hashLink, ResolutionKey, useResolutionI18n } from './resolution-texts';

type Detail = Schemas['ResolutionDetailResponse'];
type Lineage = Schemas['ResolutionLineageResponse'];
type Cascade = Schemas['CascadeResponse'];
type Figures = Schemas['LineageFiguresResponse'];
type Entry = Schemas['ResolutionResponse'];
type LineageProgramme = Schemas['ResolutionLineageProgrammeResponse'];

const PAGE_SIZE = 10;
const FIGURES: Array<keyof Figures & ResolutionKey> = [
  'annualPlans',
  'tasks',
  'tasksDone',
  'tasksOverdue',
  'targets',
  'targetsAchieved',
  'progressPercent',
];
const STANDINGS = ['ISSUED_ON_TIME', 'ISSUED_LATE', 'OVERDUE', 'PENDING', 'WITHDRAWN'] as const;
const entryLink = (id: string) => `#/resolution/${encodeURIComponent(id)}`;

/** One registry entry: its facts, the chain above it, its lineage below, and its cascade when the reader sees it. */
export function ResolutionPage({ id, query }: { id: string; query: Record<string, string> }) {
  const { r, t, kind, level, status, standing, date, field } = useResolutionI18n();
  const page = Math.max(1, Number(query.page) || 1);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [lineage, setLineage] = useState<Lineage | null>(null);
  const [cascade, setCascade] = useState<Cascade | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    Promise.all([
      api.get('/resolutions/{id}', { path: { id } }),
      api.get('/resolutions/{id}/lineage', { path: { id }, query: { page, pageSize: PAGE_SIZE } }),
    ]).then(
      ([d, l]) => {
        setDetail(d);
        setLineage(l);
      },
      (err: Error) => setError(err.message),
    );
    // The cascade only for those who may see it (the API answers 403 or 404 to the others): none shown then.
    api.get('/resolutions/{id}/obligations', { path: { id } }).then(setCascade, (err: Error) => {
      setCascade(null);
      if (!(err instanceof ApiError && (err.status === 403 || err.status === 404))) setError(err.message);
    });
  }, [id, page]);

  const e = detail?.resolution;
  const entryLine = (x: Entry) => (
    <>
      <a href={entryLink(x.id)}>{x.number}</a> — {kind(x.kind)}: {x.title} ({x.issuerName}, {date(x.signedOn)})
    </>
  );

  return (
    <div className="page">
      <ResolutionsNav current="registry" />
      <a href="#/resolutions" className="back">
        ← {t('back')}
      </a>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && <p>{t('loading')}</p>}
      {detail && e && (
        <section className="card">
          <h2 data-testid="resolution-title">
            {e.number} — {e.title}
          </h2>
          <dl className="facts" data-testid="resolution-facts">
            <dt>{r('kind')}</dt>
            <dd>{kind(e.kind)}</dd>
            <dt>{r('issuer')}</dt>
            <dd>
              {e.issuerName} ({level(e.level)})
            </dd>
            <dt>{r('signedOn')}</dt>
            <dd>{date(e.signedOn)}</dd>
            <dt>{r('fieldGroup')}</dt>
            <dd>{field(e.fieldGroup)}</dd>
            <dt>{r('member')}</dt>
            <dd>{e.memberInChargeName ?? '—'}</dd>
            <dt>{r('status')}</dt>
            <dd>{status(e.status)}</dd>
            {detail.replacedBy && (
              <>
                <dt>{r('replacedBy')}</dt>
                <dd>{entryLine(detail.replacedBy)}</dd>
              </>
            )}
          </dl>
          {detail.implements.length > 0 && (
            <>
              <h3>{r('implements')}</h3>
              <ul data-testid="implements">
                {detail.implements.map((x) => (
                  <li key={x.id}>{entryLine(x)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {lineage && (
        <section className="card" data-testid="lineage">
          <h3>{r('lineage')}</h3>
          <FigureTable figures={lineage.figures} testId="lineage-figures" />
          <h3>{r('entries')}</h3>
          <ul className="lineage-entries" data-testid="lineage-entries">
            {lineage.entries.map((x) => (
              <li key={x.id} data-depth={Math.min(x.depth, 4)}>
                {entryLine(x)} · {level(x.level)}
              </li>
            ))}
          </ul>
          <h3>
            {r('programmesShown')}: {lineage.programmesTotal}
            {lineage.programmesWithheld > 0 && ` (${lineage.programmesWithheld} ${r('withheld')})`}
          </h3>
          {lineage.programmes.map((p) => (
            <ProgrammeBlock key={p.id} programme={p} />
          ))}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={lineage.programmesTotal}
            link={(n) => hashLink(`/resolution/${encodeURIComponent(id)}`, { page: n })}
          />
        </section>
      )}

      {cascade && cascade.obligations.length > 0 && (
        <section className="card" data-testid="cascade">
          <h3>{r('cascade')}</h3>
          <dl className="facts" data-testid="cascade-counts">
            <dt>{r('obligationsTotal')}</dt>
            <dd>{cascade.counts.total}</dd>
            {STANDINGS.map((s) => (
              <Fragment key={s}>
                <dt>{standing(s)}</dt>
                <dd data-standing={s}>{cascade.counts[s]}</dd>
              </Fragment>
            ))}
          </dl>
          <FigureTable figures={cascade.figures} testId="cascade-figures" />
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="cascade-table">
              <thead>
                <tr>
                  <th scope="col">{r('body')}</th>
                  <th scope="col">{r('dueOn')}</th>
                  <th scope="col">{r('standing')}</th>
                  <th scope="col">{r('daysLate')}</th>
                  <th scope="col">{r('issuedOn')}</th>
                  <th scope="col">{r('progressPercent')}</th>
                  <th scope="col">{r('reminders')}</th>
                </tr>
              </thead>
              <tbody>
                {cascade.obligations.map((o) => (
                  <tr key={o.id} data-unit-id={o.unitId} className={o.standing}>
                    <td>
                      {o.programmeId ? (
                        <a href={`#/programme/${encodeURIComponent(o.programmeId)}`}>{o.unitName}</a>
                      ) : (
                        o.unitName
                      )}
                    </td>
                    <td>{date(o.dueOn)}</td>
                    <td>
                      <span className={`badge ${o.standing}`}>{standing(o.standing)}</span>
                    </td>
                    <td className="num">{o.daysLate ?? '—'}</td>
                    <td>{o.issuedOn ? date(o.issuedOn) : '—'}</td>
                    <td className="num">{o.figures.progressPercent ?? '—'}</td>
                    <td className="num">
                      {o.remindersSent} / {o.escalationsSent}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="link"
            onClick={() =>
              api.download(
                apiUrl('/resolutions/{id}/obligations', { path: { id }, query: { format: 'csv' } }),
                `cascade-${id}.csv`,
              )
            }
          >
            {t('exportCsv')}
          </button>
        </section>
      )}
    </div>
  );
}

/** The roll-up figures: plans, tasks, targets and progress. */
function FigureTable({ figures, testId }: { figures: Figures; testId: string }) {
  const { r } = useResolutionI18n();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {FIGURES.map((f) => (
              <th scope="col" key={f}>
                {r(f)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {FIGURES.map((f) => (
              <td key={f} className="num" data-figure={f}>
                {figures[f] ?? '—'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A target's goal as written: comparator and figure(s) with the unit. */
function goalText(goal: Record<string, unknown>, unit: string): string {
  const comparator = typeof goal.comparator === 'string' ? goal.comparator : '';
  const value = goal.goal ?? '';
  const high = goal.goalHigh !== undefined && goal.goalHigh !== null ? `–${String(goal.goalHigh)}` : '';
  return `${comparator} ${String(value)}${high} ${unit}`.trim();
}

/** One programme of the lineage: its figures, annual plans, tasks and targets (a restricted one shows none). */
function ProgrammeBlock({ programme: p }: { programme: LineageProgramme }) {
  const { r, t, phase, date } = useResolutionI18n();
  return (
    <article className="lineage-programme" data-programme-id={p.id}>
      <h4>
        {p.restricted || p.title === null ? (
          <em>{r('restricted')}</em>
        ) : (
          <a href={`#/programme/${encodeURIComponent(p.id)}`}>
            {p.documentNumber ? `${p.documentNumber} — ` : ''}
            {p.title}
          </a>
        )}{' '}
        <span className="hint">
          ({phase(p.phase)}
          {p.term ? `, ${p.term}` : ''})
        </span>
      </h4>
      {!p.restricted && (
        <>
          <FigureTable figures={p.figures} testId="programme-figures" />
          {p.annualPlans.length > 0 && (
            <>
              <h5>{r('annualPlans')}</h5>
              <ul>
                {p.annualPlans.map((a) => (
                  <li key={a.year}>
                    {a.year}: {a.title} ({a.items.length} {r('planItems').toLowerCase()}, {a.taskCodes.length}{' '}
                    {r('tasks').toLowerCase()})
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.tasks.length > 0 && (
            <>
              <h5>{r('tasks')}</h5>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{r('title')}</th>
                      <th scope="col">{r('unit')}</th>
                      <th scope="col">{r('due')}</th>
                      <th scope="col">{t('status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.tasks.map((task) => (
                      <tr key={task.id}>
                        <td>
                          {task.code} — {task.title}
                        </td>
                        <td>{task.responsibleUnitId}</td>
                        <td>{date(task.dueAt)}</td>
                        <td>
                          {task.bucket ? (
                            <span className={`badge ${task.bucket}`}>{t(task.bucket as TextKey)}</span>
                          ) : (
                            task.status
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {p.targets.length > 0 && (
            <>
              <h5>{r('targets')}</h5>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{r('targets')}</th>
                      <th scope="col">{r('goal')}</th>
                      <th scope="col">{r('latestValue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.targets.map((g) => {
                      const latest = g.values[g.values.length - 1];
                      return (
                        <tr key={g.code}>
                          <td>
                            {g.code} — {g.name}
                          </td>
                          <td>{goalText(g.goal, g.unit)}</td>
                          <td>
                            {latest
                              ? `${latest.value ?? '—'} ${g.unit} (${latest.periodLabel}${latest.achievement ? `, ${latest.achievement}` : ''})`
                              : '—'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </article>
  );
}
