import { useCallback, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { AccountPanel } from './AccountPanel';
import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';
import { AddPositionForm, EndPositionForm } from './PositionForms';
import { useUnits } from './org-data';

type PersonDetail = Schemas['PersonDetailResponse'];

/** One person: their record, their positions as a history (add, end), their account, and rotation. */
export function PersonPage({ id }: { id: string }) {
  const { a, date, role } = useAdminI18n();
  const { units } = useUnits();
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api.get('/admin/people/{id}', { path: { id } }));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const person = detail?.person;
  return (
    <div className="page">
      <AdminNav current="people" />
      <a href="#/admin/people" className="back">
        ← {a('back')}
      </a>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {person && detail && (
        <>
          <section className="card">
            <h2 data-testid="person-name">{person.fullName}</h2>
            <dl className="facts">
              <dt>{a('title')}</dt>
              <dd>{person.title ?? '—'}</dd>
              <dt>{a('units')}</dt>
              <dd>{units.find((u) => u.id === person.unitId)?.name ?? person.unitId}</dd>
              <dt>{a('roles')}</dt>
              <dd>{person.roles.map(role).join(', ') || '—'}</dd>
              <dt>{a('email')}</dt>
              <dd>{person.email ?? '—'}</dd>
            </dl>
            <p>
              <a className="button secondary" href={`#/admin/people/${encodeURIComponent(person.id)}/rotation`}>
                {a('leaves')}
              </a>
            </p>
          </section>
          <section className="card table-wrap" tabIndex={0}>
            <h3>{a('positions')}</h3>
            <table data-testid="positions">
              <thead>
                <tr>
                  <th>{a('title')}</th>
                  <th>{a('units')}</th>
                  <th>{a('roles')}</th>
                  <th>{a('startsOn')}</th>
                  <th>{a('endsOn')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {detail.positions.map((p) => (
                  <tr key={p.id} data-position-id={p.id}>
                    <td>{p.title}</td>
                    <td>{p.unitName}</td>
                    <td>{p.roles.map(role).join(', ')}</td>
                    <td>{date(p.startsOn)}</td>
                    <td>
                      {p.endsOn ? date(p.endsOn) : a('current')}
                      {p.endReason && <span className="when"> ({p.endReason})</span>}
                    </td>
                    <td>
                      {!p.endsOn && (
                        <button type="button" className="link" onClick={() => setEnding(p.id)}>
                          {a('endPosition')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {ending && (
              <EndPositionForm
                positionId={ending}
                onDone={async () => {
                  setEnding(null);
                  await load();
                }}
                onCancel={() => setEnding(null)}
              />
            )}
            <AddPositionForm personId={person.id} units={units} onAdded={load} />
          </section>
          <AccountPanel person={person} onChanged={load} />
        </>
      )}
    </div>
  );
}
