import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';

/** Restructuring (merger, abolition of a level): built once its API is on main. */
export function RestructuringPage() {
  const { a } = useAdminI18n();
  return (
    <div className="page">
      <AdminNav current="restructurings" />
      <section className="card">
        <h2>{a('restructurings')}</h2>
      </section>
    </div>
  );
}
