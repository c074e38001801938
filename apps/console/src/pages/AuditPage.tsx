import { useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { useActionTexts } from '../forms/action-texts';

type AuditEvent = Schemas['AuditEventResponse'];

/** A programme's audit trail: who did what, when. */
export function AuditPage({ id }: { id: string }) {
  const { t, x, date, actionLabel } = useActionTexts();
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get('/programmes/{id}/audit', { path: { id } })
      .then((res) => setItems(res.items))
      .catch((err: Error) => setError(err.message));
  }, [id]);

  return (
    <div className="page">
      <a href={`#/programme/${encodeURIComponent(id)}`} className="back">
        ← {t('back')}
      </a>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">
          {x('auditTrail')}: {id}
        </h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {/* Scrolls sideways on a phone: a region the keyboard can reach and scroll. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{x('action')}</th>
                <th scope="col">{x('actor')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{date(String(e.occurredAt))}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.actorId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
