import { useResolutionI18n } from './resolution-texts';

/** The resolutions area's tabs: the counts over a term and the registry. */
export function ResolutionsNav({ current }: { current: 'counts' | 'registry' }) {
  const { r } = useResolutionI18n();
  return (
    <nav className="admin-nav" aria-label={r('resolutions')}>
      <a href="#/resolutions/counts" aria-current={current === 'counts' ? 'page' : undefined}>
        {r('counts')}
      </a>
      <a href="#/resolutions" aria-current={current === 'registry' ? 'page' : undefined}>
        {r('registry')}
      </a>
    </nav>
  );
}

/** Previous and next page of a paged list, as links (keyboard and screen readers follow them). */
export function Pager({
  page,
  pageSize,
  total,
  link,
}: {
  page: number;
  pageSize: number;
  total: number;
  link: (page: number) => string;
}) {
  const { r } = useResolutionI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p className="row-actions" data-testid="pager">
      {page > 1 && <a href={link(page - 1)}>← {r('previous')}</a>}
      <span>
        {r('page')} {page} {r('of')} {pages} ({total})
      </span>
      {page < pages && <a href={link(page + 1)}>{r('next')} →</a>}
    </p>
  );
}

/** A term of office picker: the five-year terms from 2010 to the one after the current year's. */
export function termChoices(): string[] {
  const last = new Date().getFullYear() + 5;
  const terms: string[] = [];
  for (let start = 2010; start < last; start += 5) terms.push(`${start}-${start + 5}`);
  return terms;
}

/** The term shown first: the one that holds last year (a new term has little to count in its first year). */
export function defaultTerm(): string {
  const year = new Date().getFullYear();
  const start = 2020 + 5 * Math.floor((year - 1 - 2020) / 5);
  return `${start}-${start + 5}`;
}
