import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { signOut } from '../auth/auth';
import { hasRole, useMe, type Me } from './session';
import { Avatar } from './ui';
import { Bell } from '../features/notifications/Bell';
import { TopSearch } from '../features/search/TopSearch';

type Theme = 'system' | 'light' | 'dark';

function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('intranet.theme') as Theme) ?? 'system');
  useEffect(() => {
    if (theme === 'system') {
      localStorage.removeItem('intranet.theme');
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem('intranet.theme', theme);
      document.documentElement.dataset.theme = theme;
    }
  }, [theme]);
  return [theme, setTheme];
}

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/company', label: 'Company' },
  { to: '/groups', label: 'Groups' },
  { to: '/announcements', label: 'Announcements', end: true },
  { to: '/recognition', label: 'Recognition' },
  { to: '/people', label: 'People' },
];

/** The frame around every screen: skip link, top bar (search, bell, me), navigation, main. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const [theme, setTheme] = useTheme();

  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Intranet home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Intranet</span>
        </NavLink>
        <TopSearch />
        <Bell />
        <AccountMenu me={me} theme={theme} setTheme={setTheme} />
      </header>
      <nav className="sidenav" aria-label="Main">
        {NAV.map((n) => (
          <NavLink key={n.to} to={n.to} end={n.end}>
            {n.label}
          </NavLink>
        ))}
        {hasRole(me, 'hr') && <NavLink to="/announcements/new">New announcement</NavLink>}
      </nav>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

/** The account button and its menu: a disclosure that closes on navigation, Escape or a click elsewhere. */
function AccountMenu({ me, theme, setTheme }: { me: Me; theme: Theme; setTheme: (t: Theme) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="account-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={me.displayName} size={32} />
        {/* named by its text, "Account: <name>", so what is seen is what a voice user says (WCAG 2.5.3) */}
        <span className="visually-hidden">Account: </span>
        <span className="me-name">{me.displayName}</span>
      </button>
      {open && (
        <div className="menu-body" id="account-menu">
          <NavLink to="/me">My profile</NavLink>
          <NavLink to="/settings/notifications">Notification settings</NavLink>
          <label>
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
