import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, isSupervisor, Principal, session } from './api';
import { I18nProvider, useI18n } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { MyWorkPage } from './pages/MyWorkPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProgrammePage } from './pages/ProgrammePage';
import './styles.css';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const { t, lang, setLang } = useI18n();
  const hash = useHash();
  const [me, setMe] = useState<Principal | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (!session.token()) {
      setChecked(true);
      return;
    }
    api
      .get('/auth/me')
      .then(setMe)
      .catch(() => session.clear())
      .finally(() => setChecked(true));
  }, []);

  if (!checked) return <p>{t('loading')}</p>;
  const route = hash.replace(/^#/, '');
  const home = isSupervisor(me) ? '#/overview' : '#/my';

  let page;
  if (!me || route === '/login') {
    page = (
      <LoginPage
        onLogin={(p) => {
          setMe(p);
          location.hash = isSupervisor(p) ? '#/overview' : '#/my';
        }}
      />
    );
  } else if (route === '/my') page = <MyWorkPage />;
  else if (route === '/overview') page = <OverviewPage />;
  else if (route.startsWith('/programme/'))
    page = <ProgrammePage id={decodeURIComponent(route.slice('/programme/'.length))} />;
  else {
    location.hash = home;
    page = null;
  }

  return (
    <>
      <header className="topbar">
        <span className="brand">{t('appTitle')}</span>
        {me && (
          <nav>
            <a href="#/my">{t('myWork')}</a>
            {isSupervisor(me) && <a href="#/overview">{t('overview')}</a>}
          </nav>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="secondary"
          data-testid="lang"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
        {me && (
          <>
            <span className="who" data-testid="who">
              {me.fullName}
            </span>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                session.clear();
                setMe(null);
                location.hash = '#/login';
              }}
            >
              {t('logout')}
            </button>
          </>
        )}
      </header>
      <main>{page}</main>
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
