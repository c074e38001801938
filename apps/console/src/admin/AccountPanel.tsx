import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useAdminI18n } from './admin-texts';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, Person, problemsByField } from './org-data';

const ACCOUNT_FIELDS: ReadonlyArray<[string, RegExp]> = [
  ['username', /username/i],
  ['temporaryPassword', /password/i],
];

/**
 * The person's account: create it (username, a temporary password given or generated), then disable or
 * enable it, reset its password, unlock it. A temporary password is shown once, here, and never again.
 */
export function AccountPanel({ person, onChanged }: { person: Person; onChanged: () => Promise<void> }) {
  const { a } = useAdminI18n();
  const [username, setUsername] = useState('');
  const [temporary, setTemporary] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const F = 'account-form';
  const path = { personId: person.id };

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setProblems({});
    setNotice(null);
    setShown(null);
    try {
      setNotice(await action());
      await onChanged();
    } catch (err) {
      setProblems(problemsByField(err, ACCOUNT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  function create(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await api.post('/admin/accounts/{personId}', {
        path,
        body: { username: username.trim(), ...(temporary ? { temporaryPassword: temporary } : {}) },
      });
      setShown(res.temporaryPassword);
      setTemporary('');
      return `${a('saved')}: ${res.username}`;
    });
  }

  return (
    <section className="card" data-testid="account">
      <h3>{a('account')}</h3>
      {notice && (
        <p className="notice" data-testid="notice" role="status">
          {notice}
        </p>
      )}
      {shown && (
        <p className="notice" role="status">
          {a('temporaryShown')} <code data-testid="temporary-password">{shown}</code>
        </p>
      )}
      {person.username ? (
        <>
          <p data-testid="account-state">
            {person.username}: {person.active ? a('active') : a('disabled')}
          </p>
          <div className="row-actions">
            {person.active ? (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    const r = await api.post('/admin/accounts/{personId}/disable', { path });
                    return `${a('disabled')} (${r.sessionsEnded} ${a('sessionsEnded')})`;
                  })
                }
              >
                {a('disable')}
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    await api.post('/admin/accounts/{personId}/enable', { path });
                    return a('active');
                  })
                }
              >
                {a('enable')}
              </button>
            )}
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const r = await api.post('/admin/accounts/{personId}/password-reset', { path });
                  setShown(r.temporaryPassword);
                  return `${a('resetPassword')} (${r.sessionsEnded} ${a('sessionsEnded')})`;
                })
              }
            >
              {a('resetPassword')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await api.post('/admin/accounts/{personId}/unlock', { path });
                  return a('unlocked');
                })
              }
            >
              {a('unlock')}
            </button>
          </div>
          <FormError problems={problems} />
        </>
      ) : (
        <form className="form-grid" onSubmit={create} data-testid={F}>
          <p className="hint">{a('noAccount')}</p>
          <label>
            {a('username')}
            <input
              name="username"
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              {...invalid(problems, 'username', F)}
            />
            <FieldError problems={problems} field="username" form={F} />
          </label>
          <label>
            {a('temporaryPassword')}
            <input
              name="temporaryPassword"
              type="password"
              autoComplete="new-password"
              value={temporary}
              onChange={(e) => setTemporary(e.target.value)}
              {...invalid(problems, 'temporaryPassword', F)}
            />
            <FieldError problems={problems} field="temporaryPassword" form={F} />
          </label>
          <FormError problems={problems} />
          <button type="submit" disabled={busy}>
            {a('createAccount')}
          </button>
        </form>
      )}
    </section>
  );
}
