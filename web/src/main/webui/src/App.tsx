import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import type { User } from 'oidc-client-ts';
import { completeSignInIfReturning, rolesOf, signIn, startAuth } from './auth/auth';
import { api } from './api/client';
import { SessionContext, type Me } from './shell/session';
import { Layout } from './shell/Layout';
import { AppRoutes } from './routes';

type State =
  | { phase: 'starting' }
  | { phase: 'signed-out' }
  | { phase: 'failed'; message: string }
  | { phase: 'signed-in'; me: Me };

/** Signs the person in (or shows the sign-in screen), loads their profile, then renders the app. */
export function App() {
  const [state, setState] = useState<State>({ phase: 'starting' });

  useEffect(() => {
    let cancelled = false;
    const load = async (user: User | null) => {
      if (!user) return setState({ phase: 'signed-out' });
      const profile = await api<Omit<Me, 'roles'>>('/api/profiles/me');
      if (!cancelled) setState({ phase: 'signed-in', me: { ...profile, roles: rolesOf(user) } });
    };
    startAuth()
      .then(async (um) => {
        um.events.addUserSignedOut(() => setState({ phase: 'signed-out' }));
        um.events.addSilentRenewError(() => setState({ phase: 'signed-out' }));
        um.events.addUserLoaded((user) =>
          setState((s) => (s.phase === 'signed-in' ? { ...s, me: { ...s.me, roles: rolesOf(user) } } : s)),
        );
        await load(await completeSignInIfReturning(um));
      })
      .catch((e: Error) => !cancelled && setState({ phase: 'failed', message: e.message }));
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.phase === 'starting') return <p className="splash" role="status">Loading the intranet…</p>;
  if (state.phase === 'failed' || state.phase === 'signed-out') {
    return (
      <main className="splash">
        <h1>Intranet</h1>
        <p>News, people and conversations across the company.</p>
        {state.phase === 'failed' && <p role="alert" className="error">{state.message}</p>}
        <button className="primary" onClick={() => void signIn()}>Sign in</button>
      </main>
    );
  }
  return (
    <SessionContext.Provider value={state.me}>
      <BrowserRouter>
        <Layout>
          <AppRoutes />
        </Layout>
      </BrowserRouter>
    </SessionContext.Provider>
  );
}

