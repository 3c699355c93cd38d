import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** What the web module serves at /config.json: the identity provider differs per environment, the build does not. */
export interface AppConfig {
  authority: string;
  clientId: string;
  /** How long before the access token expires the app renews it (with the refresh token). */
  renewSecondsBeforeExpiry?: number;
}

let manager: UserManager | undefined;

/**
 * Authorization code + PKCE against the realm's public client. Tokens stay in sessionStorage (gone with the
 * tab); oidc-client-ts renews them with the refresh token a minute before they expire.
 */
export async function startAuth(): Promise<UserManager> {
  if (manager) return manager;
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The app's configuration could not be loaded (${response.status}).`);
  const config = (await response.json()) as AppConfig;
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: config.renewSecondsBeforeExpiry ?? 60,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

/** Where the person was when sign-in started: restored after the identity provider sends them back. */
interface ReturnState {
  path: string;
}

let returning: Promise<User | null> | undefined;

/**
 * Finishes a sign-in when the identity provider has just sent the person back, else the stored session. Once per
 * page load: the code can be redeemed only once (React's StrictMode runs effects twice in development).
 */
export function completeSignInIfReturning(um: UserManager): Promise<User | null> {
  returning ??= completeOnce(um);
  return returning;
}

async function completeOnce(um: UserManager): Promise<User | null> {
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') && params.has('state')) {
    const user = await um.signinRedirectCallback();
    const back = (user.state as ReturnState | undefined)?.path ?? '/';
    window.history.replaceState({}, '', back);
    return user;
  }
  if (params.has('error') && params.has('state')) {
    const description = params.get('error_description') ?? params.get('error');
    window.history.replaceState({}, '', '/');
    throw new Error(`Sign-in failed: ${description}`);
  }
  const user = await um.getUser();
  return user && !user.expired ? user : null;
}

export function signIn(): Promise<void> {
  const path = window.location.pathname + window.location.search + window.location.hash;
  return requireManager().signinRedirect({ state: { path } satisfies ReturnState });
}

export function signOut(): Promise<void> {
  return requireManager().signoutRedirect();
}

export async function accessToken(): Promise<string | undefined> {
  const user = await requireManager().getUser();
  return user && !user.expired ? user.access_token : undefined;
}

function requireManager(): UserManager {
  if (!manager) throw new Error('startAuth() has not run');
  return manager;
}

/** The realm roles in an access token (Keycloak puts them under realm_access.roles). */
export function rolesOf(user: User): string[] {
  try {
    const payload = JSON.parse(atob(user.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload?.realm_access?.roles ?? [];
  } catch {
    return [];
  }
}
