import { useAdminI18n } from './admin-texts';

const TABS = [
  ['#/admin/units', 'units'],
  ['#/admin/people', 'people'],
  ['#/admin/import', 'import'],
  ['#/admin/restructurings', 'restructurings'],
] as const;

/** The administration's sections, the current one marked. */
export function AdminNav({ current }: { current: (typeof TABS)[number][1] }) {
  const { a } = useAdminI18n();
  return (
    <nav className="admin-nav" aria-label={a('admin')}>
      {TABS.map(([href, key]) => (
        <a key={key} href={href} aria-current={key === current ? 'page' : undefined}>
          {a(key)}
        </a>
      ))}
    </nav>
  );
}
