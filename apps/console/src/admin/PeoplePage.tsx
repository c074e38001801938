import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, hasEnded, Person, problemsByField, unitLabel, useUnits } from './org-data';

const PERSON_FIELDS: ReadonlyArray<[string, RegExp]> = [
  ['fullName', /fullName/],
  ['unitId', /unit/i],
  ['email', /email/i],
  ['title', /title/],
];

/** People of the administrator's province: search, the list, and a new person. */
export function PeoplePage() {
  const { a } = useAdminI18n();
  const { units } = useUnits();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;

  const search = useCallback(async (query: string) => {
    try {
      const page = await api.get('/admin/people', { query: { q: query || undefined, limit: 100 } });
      setPeople(page.items);
      setTotal(page.total);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void search('');
  }, [search]);

  return (
    <div className="page">
      <AdminNav current="people" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section className="card">
        <form
          className="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void search(q);
          }}
        >
          <label>
            {a('searchPeople')}
            <input name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </label>
          <button type="submit">{a('search')}</button>
          <button type="button" className="secondary" onClick={() => setCreating(true)} data-testid="new-person">
            {a('newPerson')}
          </button>
        </form>
      </section>
      {creating && (
        <PersonForm
          units={units.filter((u) => !hasEnded(u))}
          onCancel={() => setCreating(false)}
          onCreated={(p) => (location.hash = `#/admin/people/${encodeURIComponent(p.id)}`)}
        />
      )}
      <section className="card table-wrap" tabIndex={0}>
        <p className="hint">
          {people.length}/{total}
        </p>
        <table data-testid="people">
          <thead>
            <tr>
              <th>{a('fullName')}</th>
              <th>{a('title')}</th>
              <th>{a('units')}</th>
              <th>{a('account')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} data-person-id={p.id}>
                <td>
                  <a href={`#/admin/people/${encodeURIComponent(p.id)}`}>{p.fullName}</a>
                </td>
                <td>{p.title ?? '—'}</td>
                <td>{unitName(p.unitId)}</td>
                <td>{p.username ? `${p.username} (${p.active ? a('active') : a('disabled')})` : a('noAccount')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function PersonForm(props: {
  units: ReturnType<typeof useUnits>['units'];
  onCreated: (p: Person) => void;
  onCancel: () => void;
}) {
  const { a } = useAdminI18n();
  const [form, setForm] = useState({ fullName: '', unitId: '', title: '', email: '' });
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const F = 'person-form';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    try {
      const created = await api.post('/admin/people', {
        body: {
          fullName: form.fullName.trim(),
          unitId: form.unitId,
          title: form.title.trim() || null,
          email: form.email.trim() || null,
          locale: null,
        },
      });
      props.onCreated(created);
    } catch (err) {
      setProblems(problemsByField(err, PERSON_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F}>
      <h2>{a('newPerson')}</h2>
      <label>
        {a('fullName')}
        <input
          name="fullName"
          value={form.fullName}
          onChange={set('fullName')}
          required
          {...invalid(problems, 'fullName', F)}
        />
        <FieldError problems={problems} field="fullName" form={F} />
      </label>
      <label>
        {a('units')}
        <select name="unitId" value={form.unitId} onChange={set('unitId')} required {...invalid(problems, 'unitId', F)}>
          <option value="">{a('choose')}</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {unitLabel(u)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="unitId" form={F} />
      </label>
      <label>
        {a('title')}
        <input name="title" value={form.title} onChange={set('title')} {...invalid(problems, 'title', F)} />
        <FieldError problems={problems} field="title" form={F} />
      </label>
      <label>
        {a('email')}
        <input
          type="email"
          name="email"
          value={form.email}
          onChange={set('email')}
          {...invalid(problems, 'email', F)}
        />
        <FieldError problems={problems} field="email" form={F} />
      </label>
      <FormError problems={problems} />
      <div className="row-actions">
        <button type="submit" disabled={busy}>
          {a('save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {a('back')}
        </button>
      </div>
    </form>
  );
}
