import { randomUUID } from 'node:crypto';
import type { PushCommand } from '../../../shared/sync/protocol';

/** A command as a desktop pushes it: a fresh id, made just before the tests' central clock starts. */
export const pushCommand = (name: PushCommand['name'], payload: Record<string, unknown>): PushCommand => ({
  commandId: randomUUID(),
  name,
  payload,
  createdAt: '2026-11-24T01:59:00.000Z',
});
