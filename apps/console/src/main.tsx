import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ImportPage } from './admin/ImportPage';
import { PeoplePage } from './admin/PeoplePage';
import { PersonPage } from './admin/PersonPage';
import { RestructuringPage } from './admin/RestructuringPage';
import { RotationPage } from './admin/RotationPage';
import { UnitsPage } from './admin/UnitsPage';
import { api, isAdministrator, isSupervisor, Principal, session } from './api';
import { useActionTexts } from './forms/action-texts';
import { I18nProvider } from './i18n';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage, SignedIn } from './pages/LoginPage';
import { MyWorkPage } from './pages/MyWorkPage';
import { OverviewPage } from './pages/OverviewPage';
import { AuditPage } from './pages/AuditPage';
import { CreateProgrammePage } from './pages/CreateProgrammePage';
import { CyclePage } from './pages/CyclePage';
import { ProgrammePage } from './pages/ProgrammePage';
import { TaskPage } from './pages/TaskPage';
import { CountedPage } from './resolutions/CountedPage';
import { CountsPage } from './resolutions/CountsPage';
import { RegistryPage } from './resolutions/RegistryPage';
import { ResolutionPage } from './resolutions/ResolutionPage';
import { hashQuery } from './resolutions/resolution-texts';
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

/** The resolutions area (`#/resolutions...`, `#/resolution/<id>`): counts, drill-down, registry, an entry. */
function resolutionsPage(route: string) {
  const path = route.split('?')[0];
  const query = hashQuery(route);
  if (path.startsWith('/resolution/'))
    return <ResolutionPage id={decodeURIComponent(path.slice('/resolution/'.length))} query={query} />;
  if (path === '/resolutions/counts') return <CountsPage query={query} />;
  if (path === '/resolutions/counted') return <CountedPage query={query} />;
  return <RegistryPage query={query} />;
}

/** Who may create programmes (the API decides for which committee). */
const CREATOR_ROLES = ['HEAD', 'STANDING_COMMITTEE', 'ADVISORY_STAFF', 'ADMIN'];
const mayCreate = (p: Principal | null) => !!p && p.roles.some((r) => CREATOR_ROLES.includes(r));

/** A programme, task or cycle page (`#/programme/<id>`, `…/audit`, `#/task/<id>`, `#/cycle/<unit>/<year>`), `?action=` opening a form. */
function subjectPage(route: string) {
  const path = route.split('?')[0];
  const open = hashQuery(route).action || undefined;
  const [kind, ...rest] = path.slice(1).split('/').map(decodeURIComponent);
  if (kind === 'programme' && rest[1] === 'audit') return <AuditPage id={rest[0]} />;
  if (kind === 'programme') return <ProgrammePage key={rest[0]} id={rest[0]} open={open} />;
  if (kind === 'task') return <TaskPage key={rest[0]} id={rest[0]} open={open} />;
  if (kind === 'cycle') return <CyclePage unitId={rest[0]} year={Number(rest[1])} open={open} />;
  return null;
}

/** The administration's pages by route (`#/admin/...`), for ADMIN and SYSTEM_ADMIN. */
function adminPage(route: string) {
  const person = /^\/admin\/people\/([^/]+)(\/rotation)?$/.exec(route);
  if (person) {
    const id = decodeURIComponent(person[1]);
    return person[2] ? <RotationPage personId={id} /> : <PersonPage id={id} />;
  }
  switch (route) {
    case '/admin/units':
      return <UnitsPage />;
    case '/admin/people':
      return <PeoplePage />;
    case '/admin/import':
      return <ImportPage />;
    case '/admin/restructurings':
      return <RestructuringPage />;
    default:
      return <UnitsPage />;
  }
}

function App() {
  const { t, x, lang, setLang } = useActionTexts();
  const hash = useHash();
  const [me, setMe] = useState<Principal | null>(null);
  const [mustChangePassword, setMustChangePassword] = useState(false);
  const [checked, setChecked] = useState(false);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const unsubscribe = session.onEnded(() => {
      setMe(null);
      setEnded(true);
      location.hash = '#/login';
    });
    // HttpOnly cookies cannot be read: the API says whether they hold a session.
    if (!session.present()) setChecked(true);
    else
      api
        .get('/auth/me')
        .then(({ mustChangePassword: must, ...principal }) => {
          setMe(principal);
          setMustChangePassword(must);
        })
        .catch(() => setMe(null))
        .finally(() => setChecked(true));
    return unsubscribe;
  }, []);

  if (!checked) return <p>{t('loading')}</p>;
  const route = hash.replace(/^#/, '');
  const home = isSupervisor(me) ? '#/overview' : '#/my';
  const signedIn = (s: SignedIn) => {
    setMe(s.principal);
    setMustChangePassword(s.mustChangePassword);
    setEnded(false);
    location.hash = isSupervisor(s.principal) ? '#/overview' : '#/my';
  };

  async function logout() {
    try {
      await api.post('/auth/logout');
    } catch {
      // Already over (expired, or ended elsewhere): nothing left to end.
    }
    session.announceLogout();
    setMe(null);
    location.hash = '#/login';
  }

  let page;
  if (!me) page = <LoginPage onLogin={signedIn} ended={ended} />;
  else if (mustChangePassword) page = <ChangePasswordPage forced onChanged={signedIn} />;
  else if (route === '/password') page = <ChangePasswordPage forced={false} onChanged={signedIn} />;
  else if (route === '/my') page = <MyWorkPage />;
  else if (route === '/overview') page = <OverviewPage />;
  else if (route === '/programmes/new' && mayCreate(me)) page = <CreateProgrammePage />;
  else if (/^\/(programme|task|cycle)\//.test(route)) page = subjectPage(route);
  else if (/^\/resolutions?([/?]|$)/.test(route) && isSupervisor(me)) page = resolutionsPage(route);
  else if (route.startsWith('/admin/') && isAdministrator(me)) page = adminPage(route);
  else {
    location.hash = home;
    page = null;
  }

  return (
    <>
      <header className="topbar">
        <span className="brand">{t('appTitle')}</span>
        {me && !mustChangePassword && (
          <nav aria-label={t('appTitle')}>
            <a href="#/my">{t('myWork')}</a>
            {isSupervisor(me) && <a href="#/overview">{t('overview')}</a>}
            {isSupervisor(me) && <a href="#/resolutions/counts">{t('resolutions')}</a>}
            {mayCreate(me) && <a href="#/programmes/new">{x('createProgramme')}</a>}
            {isAdministrator(me) && <a href="#/admin/units">{t('administration')}</a>}
            {me.roles.includes('ADMIN') && (
              <a href="/admin/queues" target="_blank" rel="noopener">
                {t('queues')}
              </a>
            )}
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
            {!mustChangePassword && <a href="#/password">{t('changePassword')}</a>}
            <button type="button" className="secondary" data-testid="logout" onClick={logout}>
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
