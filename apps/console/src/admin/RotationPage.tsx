import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { DUTY_KIND_LABEL_VI } from '../../../../libs/domain/src/rotation/duty-kinds';
import { api, requestId, Schemas } from '../api';
import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, hasEnded, Person, problemsByField, unitLabel, useUnits } from './org-data';

type Duties = Schemas['PersonDutiesResponse'];
type Transfer = Schemas['DutyTransferResponse'];

const TRANSFER_FIELDS: ReadonlyArray<[string, RegExp]> = [
  ['successorUnitId', /successor unit|successorUnitId/i],
  ['successorPersonId', /successor|successorPersonId/i],
  ['reason', /reason/i],
];

/**
 * A person leaves a position: their open duties, the successor chosen, and one transfer carrying a
 * request id (kept while the form is on screen, so a second click or a retry has one effect), then
 * each duty's result.
 */
export function RotationPage({ personId }: { personId: string }) {
  const { a, lang } = useAdminI18n();
  const { units } = useUnits();
  const [duties, setDuties] = useState<Duties | null>(null);
  const [candidates, setCandidates] = useState<Person[]>([]);
  const [q, setQ] = useState('');
  const [successor, setSuccessor] = useState('');
  const [successorUnit, setSuccessorUnit] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Transfer | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const request = useRef(requestId());
  const sending = useRef(false);
  const F = 'transfer-form';

  const load = useCallback(async () => {
    try {
      setDuties(await api.get('/organisation/people/{personId}/duties', { path: { personId } }));
    } catch (err) {
      setProblems(problemsByField(err, []));
    }
  }, [personId]);
  const search = useCallback(
    async (query: string) => {
      const page = await api.get('/admin/people', { query: { q: query || undefined, limit: 100 } });
      setCandidates(page.items.filter((p) => p.id !== personId && p.active));
    },
    [personId],
  );
  useEffect(() => {
    void load();
    void search('');
  }, [load, search]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setProblems({});
    try {
      const done = await api.post('/organisation/people/{personId}/duties/transfer', {
        path: { personId },
        body: {
          requestId: request.current,
          successorPersonId: successor,
          ...(successorUnit ? { successorUnitId: successorUnit } : {}),
          reason: reason.trim(),
        },
      });
      setResult(done);
      request.current = requestId();
      await load();
    } catch (err) {
      setProblems(problemsByField(err, TRANSFER_FIELDS));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <AdminNav current="people" />
      <a href={`#/admin/people/${encodeURIComponent(personId)}`} className="back">
        ← {a('back')}
      </a>
      <section className="card" data-testid="duties">
        <h2>
          {a('rotation')}
          {duties && `: ${duties.fullName}`}
        </h2>
        <h3>
          {a('openDuties')} ({duties?.total ?? '…'})
        </h3>
        {duties && duties.total === 0 && <p>{a('noDuties')}</p>}
        {duties?.groups.map((g) => (
          <div key={g.kind} data-duty-kind={g.kind}>
            <h4>{g.label}</h4>
            <ul>
              {g.items.map((d, i) => (
                <li key={i}>
                  {d.title}
                  {d.ref && <span className="when"> ({d.ref})</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {duties && duties.total > 0 && (
        <form className="card form-grid" onSubmit={submit} data-testid={F}>
          <label>
            {a('searchPeople')}
            <span className="row-actions">
              <input name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
              <button type="button" className="secondary" onClick={() => void search(q)}>
                {a('search')}
              </button>
            </span>
          </label>
          <label>
            {a('successorPerson')}
            <select
              name="successorPersonId"
              value={successor}
              onChange={(e) => setSuccessor(e.target.value)}
              required
              {...invalid(problems, 'successorPersonId', F)}
            >
              <option value="">{a('choose')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName}
                  {p.title ? ` — ${p.title}` : ''}
                </option>
              ))}
            </select>
            <FieldError problems={problems} field="successorPersonId" form={F} />
          </label>
          <label>
            {a('successorUnit')}
            <select
              name="successorUnitId"
              value={successorUnit}
              onChange={(e) => setSuccessorUnit(e.target.value)}
              {...invalid(problems, 'successorUnitId', F)}
            >
              <option value="">{a('keepUnit')}</option>
              {units
                .filter((u) => !hasEnded(u))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {unitLabel(u)}
                  </option>
                ))}
            </select>
            <FieldError problems={problems} field="successorUnitId" form={F} />
          </label>
          <label>
            {a('reason')}
            <textarea
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              {...invalid(problems, 'reason', F)}
            />
            <FieldError problems={problems} field="reason" form={F} />
          </label>
          <FormError problems={problems} />
          <button type="submit" disabled={busy} data-testid="transfer">
            {a('transfer')}
          </button>
        </form>
      )}
      {result && (
        <section className="card table-wrap" tabIndex={0} data-testid="transfer-result">
          <h3>
            {a('transferred')}: {a('MOVED')} {result.moved}, {a('NOT_MOVED')} {result.notMoved}
          </h3>
          <table>
            <tbody>
              {result.items.map((item, i) => (
                <tr key={i} data-outcome={item.outcome}>
                  <td>{item.title}</td>
                  <td>{lang === 'en' ? item.kind.replace(/_/g, ' ').toLowerCase() : DUTY_KIND_LABEL_VI[item.kind]}</td>
                  <td>
                    <strong>{a(item.outcome)}</strong>
                    {item.failure && <span className="when"> ({item.failure})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {!duties && <FormError problems={problems} />}
    </div>
  );
}
