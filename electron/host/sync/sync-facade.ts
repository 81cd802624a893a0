import type { UserInfo } from '../../../shared/api/schemas';
import type { RejectedCommand, SyncStatus } from '../../../shared/api/sync-api';

/** What the sync API channels need; a desktop without a central server answers as `standalone`. */
export interface SyncFacade {
  status(viewer: UserInfo): SyncStatus;
  rejected(viewer: UserInfo, limit: number): RejectedCommand[];
  syncNow(): Promise<void>;
}

export const STANDALONE_SYNC: SyncFacade = {
  status: () => ({
    mode: 'standalone',
    serverUrl: null,
    online: null,
    lastSyncAt: null,
    lastError: null,
    pendingCommands: 0,
    pendingUploads: 0,
    rejectedCommands: 0,
    waitingForLogin: [],
    offlineLoginHours: null,
  }),
  rejected: () => [],
  syncNow: () => Promise.resolve(),
};
