import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { FeedCursor } from '../../shared/sync/protocol';
import { startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';

/** xid8 holds an unsigned 64-bit value, the row id a (signed 64-bit) bigint. */
const XID8_MAX = '18446744073709551615';
const BIGINT_MAX = '9223372036854775807';

describe('the feed cursor (pglite)', () => {
  let central: TestCentral;
  let token: string;
  beforeAll(async () => {
    central = await startCentral('pglite', null);
    await seedCentralDemo(central.db, { cases: 5, now: central.clock.now });
    token = (await loggedIn(central.url, 'zhangmin')).token;
  });
  afterAll(() => central.close());

  const changes = async (after: string) => {
    const res = await fetch(`${central.url}/v1/changes?after=${after}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { changes: unknown[]; cursor: string; hasMore: boolean }; error?: { code: string; message: string; messageEn: string } } };
  };

  it.each([
    ['both parts past 20 nines', '99999999999999999999.99999999999999999999'],
    ['xid one past the xid8 range', `18446744073709551616.0`],
    ['id one past the bigint range', `0.9223372036854775808`],
    ['no id part at all', '1'],
  ])('refuses a cursor out of range (%s) as a validation error, not a 500', async (_what, after) => {
    const r = await changes(after);
    expect(r.status).toBe(400);
    expect(r.body.ok).toBe(false);
    expect(r.body.error).toMatchObject({ code: 'validation', message: '请求数据不合法：after', messageEn: 'Invalid request data: after' });
  });

  it('still pages from the largest cursor the columns hold (an empty page), and from the start', async () => {
    const max = `${XID8_MAX}.${BIGINT_MAX}`;
    expect(FeedCursor.safeParse(max).success).toBe(true);
    const top = await changes(max);
    expect(top.status).toBe(200);
    expect(top.body.value).toEqual({ changes: [], cursor: max, hasMore: false });
    // Leading zeros spell the same (decimal) number: not octal, as xid8's own input would read them.
    const padded = await changes(`0${BIGINT_MAX}.0${BIGINT_MAX}`);
    expect(padded.status).toBe(200);
    expect(padded.body.value).toEqual({ changes: [], cursor: `${BIGINT_MAX}.${BIGINT_MAX}`, hasMore: false });
    const start = await changes('0.0');
    expect(start.status).toBe(200);
    expect(start.body.value!.changes.length).toBeGreaterThan(0);
  });
});
