import { describe, expect, it } from 'vitest';
import type { CallOptions, Channel } from '../../../shared/api/contract';
import { ok } from '../../../shared/errors';
import { ApiClient } from './client';
import type { SessionAwareTransport } from './transport';

/** A transport that records what the client asked of it (the host side is tested in test/integration). */
function recordingTransport() {
  const calls: { channel: Channel; options: CallOptions | undefined }[] = [];
  const transport: SessionAwareTransport = {
    invoke: async (channel, _token, _input, options) => {
      calls.push({ channel, options });
      return ok({});
    },
    onEvent: () => () => {},
  };
  return { transport, calls };
}

describe('ApiClient marks the page\'s own calls as background', () => {
  it('sends a call as background when the user has not just used keyboard or mouse', async () => {
    let active = true;
    const { transport, calls } = recordingTransport();
    const client = new ApiClient(transport, () => active);
    await client.call('queue:counts', {});
    active = false;
    await client.call('queue:counts', {});
    expect(calls.map((c) => c.options)).toEqual([{ background: false }, { background: true }]);
  });

  it('lets the caller say a call is the user\'s (the keep-alive for input seen earlier)', async () => {
    const { transport, calls } = recordingTransport();
    const client = new ApiClient(transport, () => false);
    await client.call('auth:me', {}, { background: false });
    expect(calls[0]!.options).toEqual({ background: false });
  });

  it('counts every call as the user\'s when it is not told about input', async () => {
    const { transport, calls } = recordingTransport();
    await new ApiClient(transport).call('queue:counts', {});
    expect(calls[0]!.options).toEqual({ background: false });
  });
});
