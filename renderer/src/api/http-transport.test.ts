import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../../shared/api/contract';
import { HttpTransport } from './http-transport';

/*
 * The event stream's life with `fetch` stubbed: when it opens, what it sends, how it reconnects and backs
 * off, and that it closes. (The integration and Chromium tests run it against the real host.)
 */

interface OpenedStream {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  send(event: HostEvent): void;
  end(): void;
}

function stubFetch() {
  const opened: OpenedStream[] = [];
  /** What the next stream request gets: a stream, a status, or a network failure. */
  const next: ('stream' | 'offline' | number)[] = [];
  const fetchStub = vi.fn(async (url: string, init: RequestInit) => {
    const outcome = next.shift() ?? 'stream';
    if (outcome === 'offline') throw new TypeError('Failed to fetch');
    if (typeof outcome === 'number') return new Response('{}', { status: outcome });
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const signal = init.signal!;
    signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    opened.push({
      url,
      headers: init.headers as Record<string, string>,
      signal,
      send: (event) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`)),
      end: () => controller.close(),
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { opened, next, fetchStub };
}

/** A transport with a session and one listener, its stream open. */
async function listening() {
  const stub = stubFetch();
  const transport = new HttpTransport();
  transport.setSessionToken('tok-1');
  const seen: HostEvent[] = [];
  transport.onEvent((e) => void seen.push(e));
  await vi.advanceTimersByTimeAsync(0);
  return { ...stub, transport, seen };
}

const changed: HostEvent = { type: 'cases-changed', changes: [{ caseId: 'c1', state: 'doc_check', version: 2, assigneeName: '张敏' }] };

describe('HttpTransport event stream', () => {
  let reported: unknown[];

  beforeEach(() => {
    vi.useFakeTimers();
    reported = [];
    vi.stubGlobal('reportError', (e: unknown) => void reported.push(e));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens one stream once there is a listener and a session, with the token in the header only', async () => {
    const { opened } = stubFetch();
    const transport = new HttpTransport();
    transport.onEvent(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveLength(0);
    transport.setSessionToken('tok-1');
    transport.onEvent(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.url).toBe('/api/events');
    expect(opened[0]!.headers.Authorization).toBe('Bearer tok-1');
  });

  it('delivers events to every listener, one that throws reported without ending the stream', async () => {
    const { opened } = stubFetch();
    const transport = new HttpTransport();
    transport.setSessionToken('tok-1');
    const seen: HostEvent[] = [];
    transport.onEvent(() => {
      throw new Error('a page failed');
    });
    transport.onEvent((e) => void seen.push(e));
    await vi.advanceTimersByTimeAsync(0);
    opened[0]!.send(changed);
    opened[0]!.send({ type: 'no-such-event' } as never);
    opened[0]!.send({ type: 'session-expired' });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([changed, { type: 'session-expired' }]);
    expect(reported).toHaveLength(2);
    expect(opened[0]!.signal.aborted).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('reconnects after the stream ends, backing off 1, 2, 4, 8 s while it fails, and asks for a reload once back', async () => {
    const { opened, next, fetchStub, seen } = await listening();
    expect(fetchStub).toHaveBeenCalledTimes(1);

    next.push('offline', 503, 'offline');
    opened[0]!.end();
    await vi.advanceTimersByTimeAsync(0);
    // The ended read closed its own connection; nothing new before the back-off.
    expect(opened[0]!.signal.aborted).toBe(true);
    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return fetchStub.mock.calls.length;
    };
    expect(await attemptsAfter(999)).toBe(1);
    expect(await attemptsAfter(1)).toBe(2); // 1 s: offline
    expect(await attemptsAfter(1999)).toBe(2);
    expect(await attemptsAfter(1)).toBe(3); // 2 s more: 503
    expect(await attemptsAfter(3999)).toBe(3);
    expect(await attemptsAfter(1)).toBe(4); // 4 s more: offline
    expect(await attemptsAfter(7999)).toBe(4);
    expect(await attemptsAfter(1)).toBe(5); // 8 s more: connected
    expect(opened).toHaveLength(2);
    // Events sent while away are lost: listeners are told to reload what they show.
    expect(seen).toEqual([{ type: 'cases-changed', changes: [] }]);

    // Connected again: the back-off starts over at 1 s.
    opened[1]!.end();
    expect(await attemptsAfter(1000)).toBe(6);
  });

  it('waits at most 30 s between attempts, however long the host stays away', async () => {
    const { opened, next, fetchStub } = await listening();
    next.push(...Array<'offline'>(10).fill('offline'));
    opened[0]!.end();
    // 1 + 2 + 4 + 8 + 16 s, then 30 s each time instead of 32, 64 …
    await vi.advanceTimersByTimeAsync(31_000);
    expect(fetchStub).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetchStub).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchStub).toHaveBeenCalledTimes(7);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetchStub).toHaveBeenCalledTimes(8);
  });

  it('closes the stream and cancels a pending retry when the last listener leaves or the session ends', async () => {
    const { opened, next, fetchStub } = stubFetch();
    const transport = new HttpTransport();
    transport.setSessionToken('tok-1');
    const stop = transport.onEvent(() => {});
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(opened[0]!.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchStub).toHaveBeenCalledTimes(1);

    transport.onEvent(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveLength(2);
    next.push('offline');
    opened[1]!.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1); // the retry, waiting
    transport.setSessionToken(null);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('a new login during the back-off connects at once, as a first connection: no reload notice, back-off from 1 s', async () => {
    const { opened, next, fetchStub, transport, seen } = await listening();
    next.push('offline', 'offline');
    opened[0]!.end();
    await vi.advanceTimersByTimeAsync(1000 + 2000); // two failed attempts: the next would wait 4 s
    expect(fetchStub).toHaveBeenCalledTimes(3);

    next.push('offline');
    transport.setSessionToken('tok-2');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchStub).toHaveBeenCalledTimes(4); // at once, and it fails
    // Its own back-off starts at 1 s, not where the old session's had got to.
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchStub).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchStub).toHaveBeenCalledTimes(5);
    expect(opened.at(-1)!.headers.Authorization).toBe('Bearer tok-2');
    // The new session's first connection: nothing to reload.
    expect(seen).toEqual([]);
  });
});
