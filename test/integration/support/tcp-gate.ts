import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of the central server that can be cut and restored: a desktop behind a closed gate
 * is offline in the real sense (its connections fail), while other desktops still reach the server.
 * `loseAnswers(true)`: requests still reach the server, but the connection breaks as its answer comes back
 * (the server has acted; the desktop never hears of it).
 */
export async function tcpGate(
  target: string,
): Promise<{ url: string; cut(): void; restore(): void; loseAnswers(on: boolean): void; stop(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let open = true;
  let losing = false;
  const server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (!losing) return void client.write(chunk);
      client.destroy();
      upstream.destroy();
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    loseAnswers(on: boolean) {
      losing = on;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        open = false;
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
