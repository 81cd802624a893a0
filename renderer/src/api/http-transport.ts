import { BACKGROUND_CALL_HEADER, type CallOptions, type Channel, type HostEvent } from '../../../shared/api/contract';
import { badResponseError, offlineError } from './envelope';
import { EventStreamReader } from './event-stream';
import { asHostEvent, type SessionAwareTransport } from './transport';

/** 'queue:list' → '/api/queue/list' (the browser-mode host derives its routes the same way). */
export function channelPath(channel: Channel): string {
  const [domain, verb] = channel.split(':');
  return `/api/${encodeURIComponent(domain ?? '')}/${encodeURIComponent(verb ?? '')}`;
}

const MAX_RETRY_MS = 30_000;

/**
 * Browser mode: requests are POSTs with a JSON body, answers are always the Result envelope (also on 4xx),
 * and push events come over Server-Sent Events, read with fetch rather than EventSource so that the session
 * token travels in the Authorization header (a token in a URL ends up in histories and logs). The stream is
 * open only while someone listens and a session exists.
 */
export class HttpTransport implements SessionAwareTransport {
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private token: string | null = null;
  private stream: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 1000;
  private connectedBefore = false;

  async invoke(channel: Channel, token: string | null, input: unknown, options?: CallOptions): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options?.background) headers[BACKGROUND_CALL_HEADER] = '1';
    let response: Response;
    try {
      response = await fetch(channelPath(channel), {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return offlineError();
    }
    try {
      return await response.json();
    } catch {
      // A proxy error page or an empty 502 is not an envelope; say which status we saw.
      return response.status >= 502 ? offlineError() : badResponseError(`HTTP ${response.status}`);
    }
  }

  onEvent(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    this.syncStream();
    return () => {
      this.listeners.delete(listener);
      this.syncStream();
    };
  }

  setSessionToken(token: string | null): void {
    if (token === this.token) return;
    this.token = token;
    this.closeStream();
    this.connectedBefore = false;
    this.retryMs = 1000;
    this.syncStream();
  }

  private emit(event: HostEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // One page's failing handler must not end the stream for the others.
        reportError(e);
      }
    }
  }

  private syncStream(): void {
    const wanted = this.token !== null && this.listeners.size > 0;
    if (wanted && !this.stream && !this.retryTimer) this.openStream();
    if (!wanted) this.closeStream();
  }

  private openStream(): void {
    if (!this.token) return;
    const stream = new AbortController();
    this.stream = stream;
    void this.readStream(this.token, stream.signal).then(() => {
      // Whatever ended the read, the connection goes with it (the host drops its subscription).
      stream.abort();
      if (this.stream !== stream) return; // closed or replaced meanwhile
      // Ended: the host went away, the session ended (401) or the network failed. Try again, backing off.
      this.stream = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.syncStream();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    });
  }

  /** Reads the event stream until it ends; the token goes in the Authorization header, never in the URL. */
  private async readStream(token: string, signal: AbortSignal): Promise<void> {
    try {
      const response = await fetch('/api/events', {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        credentials: 'same-origin',
        cache: 'no-store',
        signal,
      });
      if (signal.aborted || !response.ok || !response.body) return;
      this.retryMs = 1000;
      // Events sent while we were disconnected are lost; tell listeners to reload what they show.
      if (this.connectedBefore) this.emit({ type: 'cases-changed', changes: [] });
      this.connectedBefore = true;
      const body = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const events = new EventStreamReader();
      for (;;) {
        const { value, done } = await body.read();
        if (done) return;
        for (const data of events.push(value)) {
          const event = asHostEvent(parseJson(data));
          if (event && !signal.aborted) this.emit(event);
        }
      }
    } catch {
      // Offline, or aborted by closeStream: either way the stream has ended.
    }
  }

  private closeStream(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stream?.abort();
    this.stream = null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
