import { useEffect, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { Pager, ResolutionsNav } from './ResolutionsNav';
import { hashLink, useResolutionI18n } from './resolution-texts';

type ItemPage = Schemas['CountedItemPageResponse'];
type Query = NonNullable<Parameters<typeof api.get<'/supervision/counts/items'>>[1]>['query'];

const FILTERS = ['year', 'kind', 'level', 'fieldGroup', 'memberInChargeId', 'noMemberInCharge'] as const;
const PAGE_SIZE = 50;

/** The entries or programmes behind one number of the counts, with the same narrowing, paged, and as CSV. */
export function CountedPage({ query }: { query: Record<string, string> }) {
  const { r, t, kind, level, field } = useResolutionI18n();
  const [items, setItems] = useState<ItemPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const subject = query.subject === 'programmes' ? 'programmes' : 'resolutions';
  const page = Math.max(1, Number(query.page) || 1);
  const key = JSON.stringify(query);
  const params = {
    term: query.term ?? '',
    subject,
    committeeId: query.committeeId || undefined,
    ...Object.fromEntries(FILTERS.filter((f) => query[f]).map((f) => [f, query[f]])),
  } as Query;

  useEffect(() => {
    setItems(null);
    setError(null);
    api
      .get('/supervision/counts/items', { query: { ...params, page, pageSize: PAGE_SIZE } })
      .then(setItems, (err: Error) => setError(err.message));
    // `key` stands for the whole query of the route: a new drill-down or page loads again.
  }, [key]);

  /** What the list is narrowed to, in words. */
  const narrowing = [
    query.year,
    query.kind && kind(query.kind),
    query.level && level(query.level),
    query.fieldGroup && field(query.fieldGroup),
    query.noMemberInCharge === 'true' ? `${r('member')}: ${r('none')}` : query.memberInChargeId,
  ].filter(Boolean);
  const back = hashLink('/resolutions/counts', { term: query.term, committeeId: query.committeeId });
  const csv = () =>
    api.download(
      apiUrl('/supervision/counts/items', { query: { ...params, format: 'csv' } }),
      `counted-${subject}.csv`,
    );

  return (
    <div className="page">
      <ResolutionsNav current="counts" />
      <a href={back} className="back">
        ← {t('back')}
      </a>
      <section className="card">
        <h2 data-testid="counted-heading">
          {r(subject === 'programmes' ? 'subjectProgrammes' : 'subjectResolutions')} {query.term}
          {narrowing.length > 0 && ` — ${narrowing.join(', ')}`}
        </h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!items && !error && <p>{t('loading')}</p>}
        {items && (
          <>
            <p data-testid="counted-total">
              {t('total')}: {items.total}
            </p>
            <div className="table-wrap" tabIndex={0}>
              <table data-testid="counted-table">
                <thead>
                  <tr>
                    <th scope="col">{r('number')}</th>
                    <th scope="col">{r('title')}</th>
                    <th scope="col">{r('kind')}</th>
                    <th scope="col">{r('level')}</th>
                    <th scope="col">{r('year')}</th>
                    <th scope="col">{r('fieldGroup')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.items.map((i) => (
                    <tr key={i.id} data-id={i.id}>
                      <td>{i.number ?? '—'}</td>
                      <td>
                        {i.title === null ? (
                          <em>{r('restricted')}</em>
                        ) : (
                          <a
                            href={
                              i.subject === 'programme'
                                ? `#/programme/${encodeURIComponent(i.id)}`
                                : `#/resolution/${encodeURIComponent(i.id)}`
                            }
                          >
                            {i.title}
                          </a>
                        )}
                      </td>
                      <td>{kind(i.kind)}</td>
                      <td>{level(i.level)}</td>
                      <td className="num">{i.year}</td>
                      <td>{field(i.fieldGroup)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={items.page}
              pageSize={items.pageSize}
              total={items.total}
              link={(p) => hashLink('/resolutions/counted', { ...query, page: p })}
            />
            <button type="button" className="link" onClick={csv} data-testid="counted-csv">
              {t('exportCsv')}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
