import { authorityViewRefused, mayViewAuthority } from '../../../shared/approval/authority';
import { fail, ok } from '../../../shared/errors';
import { must, type HandlerGroup, type Handlers } from '../api/handler-types';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

/** Why a synced desktop does not edit the authority matrix: shown on the page and given when refusing. */
export const MATRIX_IS_THE_SERVERS = {
  message: '本机已连接中央服务器，审批权限表由中央服务器统一执行，不能在本机修改（本页显示的是中央服务器所用的版本）',
  messageEn: 'This desktop syncs with a central server, which decides approvals by its own authority matrix: it cannot be edited here (the versions shown are the server’s)',
};

const offline = () =>
  fail(
    'offline',
    '当前离线：审批权限表以中央服务器为准，须联网后查看',
    'Offline: the authority matrix in force is the central server’s; connect to view it',
  );

/**
 * With a central server, the matrix in force is the server's: the page shows the server's versions, and an
 * edit here is refused with the reason — a matrix edited on one desktop would let it accept proposals that
 * the server then refuses.
 */
export function centralAuthorityHandlers(handlers: Handlers, sync: SyncService): HandlerGroup<'authority:get' | 'authority:update'> {
  return {
    'authority:get': async (_input, session) => {
      const me = must(session);
      if (!mayViewAuthority(me.info.permissions)) return authorityViewRefused();
      const r = await onServer(sync, me, offline, (token) => sync.client.authority(token));
      return r.ok ? ok({ ...r.value, readOnly: MATRIX_IS_THE_SERVERS }) : r;
    },
    'authority:update': (input, session) =>
      must(session).info.permissions.includes('admin.manage')
        ? fail('forbidden', MATRIX_IS_THE_SERVERS.message, MATRIX_IS_THE_SERVERS.messageEn)
        : handlers['authority:update'](input, session),
  };
}
