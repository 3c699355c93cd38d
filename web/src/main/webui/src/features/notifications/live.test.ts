import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from './live';

vi.mock('../../auth/auth', () => ({
  accessToken: vi.fn(async () => `token-${++tokens}`),
  signIn: vi.fn(async () => undefined),
}));

let tokens = 0;

/** A streamed response whose body arrives in the given chunks, then ends. */
function sse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const item = { id: 'n1', type: 'MENTION', text: 'Alice Martin mentioned you: hi', read: false, createdAt: '2026-12-01T10:00:00Z' };

describe('the live notification stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    tokens = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('parses events split anywhere, sends the bearer token, and reconnects with a fresh token and the last event id', async () => {
    const calls: { headers: Record<string, string> }[] = [];
    let connection = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => {
        calls.push({ headers: init.headers });
        connection += 1;
        if (connection === 1) {
          const data = JSON.stringify(item);
          return sse([
            'event: ready\nda',
            'ta: {}\n\n: keep-alive\n\nevent: notification\nid: cur',
            `sor-1\ndata: ${data.slice(0, 10)}`,
            `${data.slice(10)}\n\nevent: unread-count\ndata: {"count":3}\n\n`,
          ]);
        }
        // the second connection stays open until it is aborted
        return new Promise<Response>((_, reject) =>
          init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      }),
    );
    const { subscribeLive } = await import('./live');
    const events: LiveEvent[] = [];
    const stop = subscribeLive((e) => events.push(e));

    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([
      { kind: 'notification', item },
      { kind: 'count', count: 3 },
    ]);
    expect(calls[0].headers.Authorization).toBe('Bearer token-1');
    expect(calls[0].headers['Last-Event-ID']).toBeUndefined();

    // the stream ended after `ready`: it comes back within a second or so, resuming where it was
    await vi.advanceTimersByTimeAsync(1_100);
    expect(calls).toHaveLength(2);
    expect(calls[1].headers.Authorization).toBe('Bearer token-2');
    expect(calls[1].headers['Last-Event-ID']).toBe('cursor-1');

    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(2);
  });

  it('backs off exponentially while the stream fails', async () => {
    const times: number[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        times.push(Date.now());
        return new Response('{"detail":"down"}', { status: 503 });
      }),
    );
    vi.spyOn(Math, 'random').mockReturnValue(1); // the longest wait of each jittered range
    const { subscribeLive } = await import('./live');
    const stop = subscribeLive(() => undefined);
    await vi.advanceTimersByTimeAsync(200_000);
    stop();
    const waits = times.slice(1).map((t, i) => t - times[i]);
    expect(waits.slice(0, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
  });

  it('shares one connection between listeners and gives a late listener the last count', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: { signal: AbortSignal }) =>
          new Promise<Response>((_, reject) =>
            init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    );
    const { subscribeLive, publishCount } = await import('./live');
    const first: LiveEvent[] = [];
    const stopFirst = subscribeLive((e) => first.push(e));
    publishCount(4);
    const second: LiveEvent[] = [];
    const stopSecond = subscribeLive((e) => second.push(e));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(first).toEqual([{ kind: 'count', count: 4 }]);
    expect(second).toEqual([{ kind: 'count', count: 4 }]);
    stopFirst();
    stopSecond();
  });
});

describe('the unread count', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('is not overwritten by an answer that was asked before a newer count arrived', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const { publishCount, refreshUnreadCount, subscribeLive } = await import('./live');
    const seen: LiveEvent[] = [];
    publishCount(0);
    const asking = refreshUnreadCount();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    publishCount(6); // the stream, meanwhile
    answer(new Response('{"count":5}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(await asking).toBe(6);
    subscribeLive((e) => seen.push(e))();
    expect(seen).toEqual([{ kind: 'count', count: 6 }]);
  });
});
