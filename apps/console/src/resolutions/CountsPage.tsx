import { FormEvent, useEffect, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { defaultTerm, ResolutionsNav, termChoices } from './ResolutionsNav';
import { hashLink, ResolutionKey, useResolutionI18n } from './resolution-texts';

type Counts = Schemas['CountsResponse'];
type CountRow = Schemas['CountRowResponse'];
type Dimension = 'year' | 'kind' | 'level' | 'fieldGroup' | 'memberInCharge';

const DIMENSIONS: Dimension[] = ['year', 'kind', 'level', 'fieldGroup', 'memberInCharge'];
const KINDS = ['RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION', 'REGULATION', 'PLAN', 'PROJECT'] as const;

/**
 * The filter of the drill-down behind a row: the row's value for the dimension counted by; `undefined`
 * for the total row (no narrowing), `null` when the list cannot be narrowed to it (programmes that
 * implement no registry entry have no kind to filter by).
 */
function rowFilter(by: Dimension, key: string | null, isTotal: boolean): Record<string, string> | null | undefined {
  if (isTotal) return undefined;
  switch (by) {
    case 'year':
      return key ? { year: key } : null;
    case 'kind':
      return key ? { kind: key } : null;
    case 'level':
      return key ? { level: key } : null;
    case 'fieldGroup':
      return key ? { fieldGroup: key } : null;
    case 'memberInCharge':
      return key ? { memberInChargeId: key } : { noMemberInCharge: 'true' };
  }
}

/** Supervisors: how many resolutions and programmes a committee issued over a term, by one dimension. */
export function CountsPage({ query }: { query: Record<string, string> }) {
  const { r, t, kind, level, field } = useResolutionI18n();
  const term = query.term || defaultTerm();
  const by = (DIMENSIONS as string[]).includes(query.by) ? (query.by as Dimension) : 'year';
  const committeeId = query.committeeId ?? '';
  const [form, setForm] = useState({ term, by, committeeId });
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState<Schemas['UnitInScopeResponse'][]>([]);
  const [groups, setGroups] = useState<Record<string, string>>({});

  useEffect(() => {
    api.get('/supervision/units').then(setUnits, (err: Error) => setError(err.message));
    // Field group names, when the province's list is readable; their codes otherwise.
    api.get('/field-groups', { query: { includeRetired: 'true' } }).then(
      (list) => setGroups(Object.fromEntries(list.items.map((g) => [g.code, g.name]))),
      () => setGroups({}),
    );
  }, []);

  useEffect(() => {
    setForm({ term, by, committeeId });
    setCounts(null);
    setError(null);
    api
      .get('/supervision/counts', { query: { term, by, committeeId: committeeId || undefined } })
      .then(setCounts, (err: Error) => setError(err.message));
  }, [term, by, committeeId]);

  function apply(e: FormEvent) {
    e.preventDefault();
    location.hash = hashLink('/resolutions/counts', form);
  }

  const keyLabel = (row: CountRow): string => {
    if (row.key === null) return r('none');
    if (by === 'kind') return kind(row.key);
    if (by === 'level') return level(row.key);
    if (by === 'fieldGroup') return groups[row.key] ?? field(row.key);
    return row.label ?? row.key;
  };

  /** A number, linked to the list behind it when there is one to show. */
  function cell(value: number, subject: 'resolutions' | 'programmes', row: CountRow, isTotal: boolean, extra = {}) {
    const filter = rowFilter(by, row.key, isTotal);
    if (value === 0 || filter === null) return value;
    const href = hashLink('/resolutions/counted', {
      term: counts?.term,
      committeeId: counts?.committeeId ?? committeeId,
      subject,
      ...filter,
      ...extra,
    });
    return <a href={href}>{value}</a>;
  }

  function line(row: CountRow, isTotal: boolean) {
    const key = isTotal ? 'total' : (row.key ?? '');
    return (
      <tr key={key} data-key={key} className={isTotal ? 'total' : undefined}>
        <th scope="row">{isTotal ? r('total') : keyLabel(row)}</th>
        <td className="num" data-col="resolutions">
          {cell(row.resolutions, 'resolutions', row, isTotal)}
        </td>
        {KINDS.map((k) => (
          <td key={k} className="num" data-col={k}>
            {cell(row.resolutionsByKind[k], 'resolutions', row, isTotal, by === 'kind' ? {} : { kind: k })}
          </td>
        ))}
        <td className="num" data-col="programmes">
          {cell(row.programmes, 'programmes', row, isTotal)}
        </td>
      </tr>
    );
  }

  const csv = () =>
    api.download(
      apiUrl('/supervision/counts', { query: { term, by, committeeId: committeeId || undefined, format: 'csv' } }),
      `counts-by-${by}.csv`,
    );

  return (
    <div className="page">
      <ResolutionsNav current="counts" />
      <form className="card filters" onSubmit={apply} data-testid="counts-form">
        <label>
          {t('committee')}
          <select
            name="committeeId"
            value={form.committeeId}
            onChange={(e) => setForm({ ...form, committeeId: e.target.value })}
          >
            {units.map((u, i) => (
              <option key={u.id} value={i === 0 ? '' : u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('term')}
          <select name="term" value={form.term} onChange={(e) => setForm({ ...form, term: e.target.value })}>
            {[...new Set([...termChoices(), form.term])].map((tm) => (
              <option key={tm} value={tm}>
                {tm}
              </option>
            ))}
          </select>
        </label>
        <label>
          {r('countBy')}
          <select name="by" value={form.by} onChange={(e) => setForm({ ...form, by: e.target.value as Dimension })}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {r(`by_${d}` as ResolutionKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!counts && !error && <p>{t('loading')}</p>}
      {counts && (
        <section className="card">
          <h2 data-testid="counts-heading">
            {r('countsTitle')} {counts.term} — {r(`by_${by}` as ResolutionKey)}
          </h2>
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="counts-table" data-by={counts.by} data-term={counts.term}>
              <thead>
                <tr>
                  <th scope="col">{r(`by_${by}` as ResolutionKey)}</th>
                  <th scope="col">{r('resolutionsCount')}</th>
                  {KINDS.map((k) => (
                    <th scope="col" key={k}>
                      {kind(k)}
                    </th>
                  ))}
                  <th scope="col">{r('programmesCount')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.rows.map((row) => line(row, false))}
                {line(counts.total, true)}
              </tbody>
            </table>
          </div>
          <button type="button" className="link" onClick={csv} data-testid="counts-csv">
            {t('exportCsv')}
          </button>
        </section>
      )}
    </div>
  );
}
