import { FormEvent, useState } from 'react';
import { api } from '../api';
import { PasswordField } from '../components/PasswordField';
import { useI18n } from '../i18n';
import type { SignedIn } from './LoginPage';

/**
 * Choosing a new password: forced after an admin's reset (nothing else is reachable until then), or
 * by choice. The API ends every session of the person and answers a new one for this browser.
 */
export function ChangePasswordPage({ forced, onChanged }: { forced: boolean; onChanged: (s: SignedIn) => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (newPassword !== repeat) {
      setError(t('passwordsDiffer'));
      return;
    }
    setBusy(true);
    try {
      onChanged(await api.post('/auth/password', { body: { currentPassword, newPassword } }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card login" onSubmit={submit} data-testid="change-password">
      <h1>{t('changePassword')}</h1>
      {forced && <p className="notice">{t('mustChangePassword')}</p>}
      <PasswordField
        label={t('currentPassword')}
        name="currentPassword"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrent}
      />
      <PasswordField
        label={t('newPassword')}
        name="newPassword"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        value={newPassword}
        onChange={setNew}
      />
      <PasswordField
        label={t('repeatPassword')}
        name="repeatPassword"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      <p className="hint">{t('passwordRule')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('changePassword')}
      </button>
    </form>
  );
}
