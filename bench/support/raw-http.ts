import net from 'node:net';

/**
 * A load generator's client: one keep-alive HTTP/1.1 connection, one request at a time, written and read
 * by hand (as wrk or autocannon do) so that the clients sharing this 2-core machine with the server take
 * as little of it as they can: `node:http` costs about 0.3 ms of CPU per request here, this about 0.1 ms.
 * Only what the central server sends is understood: a `content-length` body, never chunked.
 */
export class RawHttpClient {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: { resolve(body: string): void; reject(e: Error): void } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (d: Buffer) => {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, d]) : d;
      this.readResponse();
    });
    this.socket.on('error', (e) => this.settle(null, e));
    this.socket.on('close', () => this.settle(null, new Error('connection closed')));
  }

  /** POSTs JSON with a bearer token; resolves with the parsed JSON body whatever the status. */
  post(path: string, token: string, body: unknown): Promise<unknown> {
    const data = JSON.stringify(body);
    return this.send(
      `POST ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(data)}\r\nauthorization: Bearer ${token}\r\n\r\n${data}`,
    );
  }

  /** GETs a path without a token; resolves with the parsed JSON body. */
  get(path: string): Promise<unknown> {
    return this.send(`GET ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n\r\n`);
  }

  private send(request: string): Promise<unknown> {
    if (this.pending) return Promise.reject(new Error('one request at a time'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve: (text) => resolve(JSON.parse(text)), reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private readResponse(): void {
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.settle(null, new Error(`response without content-length: ${head.split('\r\n')[0]}`));
    const end = headEnd + 4 + Number(length[1]);
    if (this.buffered.length < end) return;
    const body = this.buffered.subarray(headEnd + 4, end).toString('utf8');
    this.buffered = this.buffered.subarray(end);
    this.settle(body, null);
  }

  private settle(body: string | null, error: Error | null): void {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (error) p.reject(error);
    else p.resolve(body!);
  }
}
