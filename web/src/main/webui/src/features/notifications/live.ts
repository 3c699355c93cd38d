import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { api } from '../../api/client';
import { accessToken } from '../../auth/auth';
import type { NotificationItem, UnreadCount } from './types';

/**
 * The caller's live notifications: one Server-Sent Events connection per tab, shared by whoever listens (the bell,
 * the notifications page). The browser's EventSource cannot send the bearer token, so this reads the stream with
 * fetch and parses it with eventsource-parser (notification-service README, "Live stream").
 *
 * The stream ends when the token it was opened with expires; it is then opened again with the token oidc-client-ts
 * has renewed meanwhile, sending the last event id so the server replays what was missed. Failures back off
 * exponentially (1 s doubling to 60 s, with jitter) so an outage is not hammered by every open tab.
 */
export type LiveEvent =
  | { kind: 'count'; count: number }
  | { kind: 'notification'; item: NotificationItem };

type Listener = (event: LiveEvent) => void;

const STREAM = '/api/notifications/stream';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

const listeners = new Set<Listener>();
let connection: AbortController | null = null;
let lastEventId: string | undefined;
let lastCount: number | null = null;
/** Bumped by every count told: an answer to an older question must not overwrite a newer count. */
let countVersion = 0;

/** Listens to the live stream (connecting on the first listener, closing after the last). Returns the unsubscribe. */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  if (lastCount !== null) listener({ kind: 'count', count: lastCount });
  if (!connection) {
    connection = new AbortController();
    void run(connection.signal);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && connection) {
      connection.abort();
      connection = null;
    }
  };
}

/** Tells every listener the unread count: after this tab marked something read (the stream only speaks on news). */
export function publishCount(count: number): void {
  countVersion += 1;
  lastCount = count;
  emit({ kind: 'count', count });
}

/** Asks the server for the unread count and tells every listener. */
export async function refreshUnreadCount(): Promise<number> {
  const asked = countVersion;
  const { count } = await api<UnreadCount>('/api/notifications/unread-count');
  // the stream may have told a newer count while this was on its way: that one stands
  if (countVersion === asked) publishCount(count);
  return lastCount ?? count;
}

function emit(event: LiveEvent): void {
  for (const listener of [...listeners]) listener(event);
}

async function run(signal: AbortSignal): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    try {
      const opened = await readStream(signal);
      // a stream that got as far as `ready` ended normally (token expiry, a redeploy): come back quickly
      failures = opened ? 0 : failures + 1;
    } catch {
      if (signal.aborted) return;
      failures += 1;
    }
    if (signal.aborted) return;
    await sleep(backoff(failures), signal);
  }
}

/** Reads one connection until it ends. True when the server said `ready`. */
async function readStream(signal: AbortSignal): Promise<boolean> {
  const token = await accessToken();
  // signed out or not renewed yet: the app's own session handling takes over; try again after the back-off
  if (!token) throw new Error('no token');
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(STREAM, { headers, signal, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);

  let ready = false;
  const parser = createParser({
    onEvent: (message) => {
      if (message.event === 'ready') ready = true;
      handle(message);
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  } finally {
    reader.releaseLock();
  }
  return ready;
}

function handle(message: EventSourceMessage): void {
  try {
    if (message.event === 'notification') {
      if (message.id) lastEventId = message.id;
      emit({ kind: 'notification', item: JSON.parse(message.data) as NotificationItem });
    } else if (message.event === 'unread-count') {
      publishCount((JSON.parse(message.data) as UnreadCount).count);
    }
  } catch {
    // a malformed event is skipped; the next unread-count puts the badge right again
  }
}

function backoff(failures: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return base / 2 + Math.random() * (base / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
