import { FormEvent, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { Pager, ResolutionsNav } from './ResolutionsNav';
import { hashLink, useResolutionI18n } from './resolution-texts';

type ResolutionPage = Schemas['ResolutionPageResponse'];
type Query = NonNullable<Parameters<typeof api.get<'/resolutions'>>[1]>['query'];

const KINDS = ['RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION', 'REGULATION', 'PLAN', 'PROJECT'];
const LEVELS = ['CENTRAL', 'PROVINCIAL', 'COMMUNE'];
const STATUSES = ['IN_FORCE', 'REPLACED', 'EXPIRED'];
const FILTERS = ['year', 'kind', 'level', 'fieldGroup', 'status'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZE = 50;

/** The registry: the entries the reader may see, newest first, narrowed by year, kind, level, field group and status. */
export function RegistryPage({ query }: { query: Record<string, string> }) {
  const { r, t, kind, level, status, date, field } = useResolutionI18n();
  const current = Object.fromEntries(FILTERS.map((f) => [f, query[f] ?? ''])) as Filters;
  const page = Math.max(1, Number(query.page) || 1);
  const [form, setForm] = useState<Filters>(current);
  const [list, setList] = useState<ResolutionPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([current, page]);

  useEffect(() => {
    setForm(current);
    setError(null);
    const filters = Object.fromEntries(FILTERS.filter((f) => current[f]).map((f) => [f, current[f]]));
    api
      .get('/resolutions', { query: { ...filters, page, pageSize: PAGE_SIZE } as Query })
      .then(setList, (err: Error) => setError(err.message));
    // `key` stands for the filters and the page of the route.
  }, [key]);

  function apply(e: FormEvent) {
    e.preventDefault();
    location.hash = hashLink('/resolutions', form);
  }

  const choice = (name: keyof Filters, values: string[], label: (v: string) => string) => (
    <select name={name} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })}>
      <option value="">{r('any')}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );

  return (
    <div className="page">
      <ResolutionsNav current="registry" />
      <form className="card filters" onSubmit={apply} data-testid="registry-filters">
        <label>
          {r('year')}
          <input
            name="year"
            inputMode="numeric"
            pattern="\d{4}"
            value={form.year}
            placeholder="2022"
            onChange={(e) => setForm({ ...form, year: e.target.value })}
          />
        </label>
        <label>
          {r('kind')}
          {choice('kind', KINDS, kind)}
        </label>
        <label>
          {r('level')}
          {choice('level', LEVELS, level)}
        </label>
        <label>
          {r('fieldGroup')}
          <input
            name="fieldGroup"
            value={form.fieldGroup}
            placeholder="economy"
            onChange={(e) => setForm({ ...form, fieldGroup: e.target.value.trim() })}
          />
        </label>
        <label>
          {r('status')}
          {choice('status', STATUSES, status)}
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!list && !error && <p>{t('loading')}</p>}
      {list && (
        <section className="card">
          <h2>{r('registry')}</h2>
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="registry-table">
              <thead>
                <tr>
                  <th scope="col">{r('number')}</th>
                  <th scope="col">{r('title')}</th>
                  <th scope="col">{r('issuer')}</th>
                  <th scope="col">{r('signedOn')}</th>
                  <th scope="col">{r('fieldGroup')}</th>
                  <th scope="col">{r('member')}</th>
                  <th scope="col">{r('status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id} data-id={e.id}>
                    <td>
                      <a href={`#/resolution/${encodeURIComponent(e.id)}`}>{e.number}</a>
                    </td>
                    <td>
                      {kind(e.kind)}: {e.title}
                    </td>
                    <td>
                      {e.issuerName} ({level(e.level)})
                    </td>
                    <td>{date(e.signedOn)}</td>
                    <td>{field(e.fieldGroup)}</td>
                    <td>{e.memberInChargeName ?? '—'}</td>
                    <td>{status(e.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            link={(p) => hashLink('/resolutions', { ...current, page: p })}
          />
        </section>
      )}
    </div>
  );
}
