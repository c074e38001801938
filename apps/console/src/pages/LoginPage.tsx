import { FormEvent, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { PasswordField } from '../components/PasswordField';
import { useI18n } from '../i18n';

export type SignedIn = Pick<Schemas['LoginResponse'], 'principal' | 'mustChangePassword'>;

/** Password login into a cookie session, and single sign-on when the API has it on. */
export function LoginPage({ onLogin, ended }: { onLogin: (s: SignedIn) => void; ended: boolean }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState<Schemas['OidcStatusResponse'] | null>(null);

  useEffect(() => {
    api.get('/auth/oidc').then(setSso, () => setSso(null));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The answer holds no token: the session is in HttpOnly cookies.
      const res = await api.post('/auth/login', { body: { username, password, session: 'cookie' } });
      onLogin(res);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card login" onSubmit={submit}>
      <h1>{t('appTitle')}</h1>
      {ended && (
        <p className="notice" data-testid="session-ended">
          {t('sessionEnded')}
        </p>
      )}
      <label>
        {t('username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <PasswordField
        label={t('password')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('login')}
      </button>
      {sso?.enabled && sso.loginUrl && (
        <>
          <span className="or">{t('or')}</span>
          <a className="button secondary" href={sso.loginUrl} data-testid="sso">
            {sso.label ?? t('ssoLogin')}
          </a>
        </>
      )}
    </form>
  );
}
