import type { Channel, HostEvent } from '../../../shared/api/contract';
import { badResponseError, offlineError } from './envelope';
import { asHostEvent, type SessionAwareTransport } from './transport';

/** 'queue:list' → '/api/queue/list' (the browser-mode host derives its routes the same way). */
export function channelPath(channel: Channel): string {
  const [domain, verb] = channel.split(':');
  return `/api/${encodeURIComponent(domain ?? '')}/${encodeURIComponent(verb ?? '')}`;
}

const MAX_RETRY_MS = 30_000;

/**
 * Browser mode: requests are POSTs with a JSON body, answers are always the Result envelope (also on 4xx),
 * and push events come over Server-Sent Events. The stream is open only while someone listens and a
 * session exists.
 */
export class HttpTransport implements SessionAwareTransport {
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private token: string | null = null;
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 1000;
  private connectedBefore = false;

  async invoke(channel: Channel, token: string | null, input: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
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
    for (const listener of [...this.listeners]) listener(event);
  }

  private syncStream(): void {
    const wanted = this.token !== null && this.listeners.size > 0;
    if (wanted && !this.source && !this.retryTimer) this.openStream();
    if (!wanted) this.closeStream();
  }

  private openStream(): void {
    if (!this.token) return;
    const source = new EventSource(`/api/events?token=${encodeURIComponent(this.token)}`);
    this.source = source;
    source.onopen = () => {
      this.retryMs = 1000;
      // Events sent while we were disconnected are lost; tell listeners to reload what they show.
      if (this.connectedBefore) this.emit({ type: 'cases-changed', changes: [] });
      this.connectedBefore = true;
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = asHostEvent(data);
      if (event) this.emit(event);
    };
    source.onerror = () => {
      // CONNECTING means the browser retries by itself; CLOSED (e.g. HTTP 401/404) means it gave up.
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.syncStream();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
  }

  private closeStream(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
  }
}
