import { z } from 'zod';
import { BilingualText, Empty, Id, IsoTime } from './schemas';

export const SyncStatus = z.object({
  /** `central`: this desktop syncs with a central server; `standalone`: it works alone (no server configured). */
  mode: z.enum(['central', 'standalone']),
  serverUrl: z.string().nullable(),
  /** Whether the server answered the last request; null before the first attempt. */
  online: z.boolean().nullable(),
  lastSyncAt: IsoTime.nullable(),
  lastError: BilingualText.nullable(),
  /** Commands done on this desktop and not yet answered by the server. */
  pendingCommands: z.number().int(),
  /** Document files added on this desktop that the server does not have yet (sent before the commands). */
  pendingUploads: z.number().int(),
  rejectedCommands: z.number().int(),
  /** People whose waiting commands need them to log in (online) again before they can be sent. */
  waitingForLogin: z.array(z.string()),
  /** How long after the last online login a user may log in here offline (null: standalone). */
  offlineLoginHours: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const RejectedCommand = z.object({
  commandId: z.string(),
  command: z.string(),
  caseId: Id.nullable(),
  appNo: z.string().nullable(),
  actorName: z.string(),
  code: z.string(),
  /** The server's reason in plain words (Chinese), e.g. 该案件已被 张三 领取. */
  message: z.string(),
  messageEn: z.string(),
  createdAt: IsoTime,
  rejectedAt: IsoTime,
});
export type RejectedCommand = z.infer<typeof RejectedCommand>;

/** Sync with the central server: status for the header, the commands the server refused. */
export const syncApi = {
  /** Online/offline, waiting commands, last sync, last error. */
  'sync:status': { input: Empty, output: SyncStatus },
  /** Commands the server refused, newest first, with its reasons (one's own; all for case.view_all). */
  'sync:rejected': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(RejectedCommand) }),
  },
  /** Push and pull now (instead of waiting for the next round); answers the status after it. */
  'sync:now': { input: Empty, output: SyncStatus },
} as const;
