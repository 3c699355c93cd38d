import { accessToken, signIn } from '../auth/auth';

/** An RFC 7807 problem from the API, or a network failure put in the same shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail || title);
  }
}

/** A page of a cursor-paged list (ARCHITECTURE §6: `{items, next}`). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

type Json = Record<string, unknown> | unknown[];

/**
 * Calls the API on this origin with the bearer token. A problem body becomes an ApiError whose message is the
 * problem's `detail`; a 401 sends the person to sign in again (drafts are kept by their components in
 * sessionStorage, so what they typed survives the round trip).
 */
export async function api<T>(path: string, init: RequestInit & { json?: Json } = {}): Promise<T> {
  const token = await accessToken();
  if (!token) {
    await signIn();
    throw new ApiError(401, 'Signed out', 'Your session has ended: signing you in again.');
  }
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, body });
  } catch {
    throw new ApiError(0, 'Offline', 'The intranet could not be reached. Check your connection and try again.');
  }
  if (response.status === 401) {
    await signIn();
    throw new ApiError(401, 'Signed out', 'Your session has ended: signing you in again.');
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204 || response.status === 202 && response.headers.get('Content-Length') === '0') {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

async function problemOf(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status} ${response.statusText}.`.replace(' .', '.');
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? problem.title ?? fallback);
  } catch {
    return new ApiError(response.status, response.statusText, fallback);
  }
}

/** Appends query parameters, skipping empty ones. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
