import { CentralClient } from '../../../electron/host/sync/central-client';
import { DEMO_PASSWORD } from '../../../electron/host/demo/demo-users';

/** A protocol-level client logged in as `username` (the desktop's own HTTP client, without a desktop). */
export async function loggedIn(url: string, username: string, password = DEMO_PASSWORD): Promise<{ client: CentralClient; token: string }> {
  const client = new CentralClient({ baseUrl: url });
  const r = await client.login(username, password, 'test-device');
  if (!r.ok) throw new Error(`login ${username}: ${r.error.messageEn}`);
  return { client, token: r.value.token };
}
