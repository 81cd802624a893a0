import { authorityEditRefused, authorityReadOnly, authorityViewRefused, checkAuthorityEdit, mayEditAuthority, mayViewAuthority } from '../../../shared/approval/authority';
import { fail, ok } from '../../../shared/errors';
import { must, type HandlerGroup } from '../api/handler-types';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

const offline = () =>
  fail(
    'offline',
    '当前离线：审批权限表以中央服务器为准，须联网后查看或修改',
    'Offline: the authority matrix in force is the central server’s; connect to view or edit it',
  );

/**
 * With a central server, the matrix in force is the server's: the page shows the server's versions, and an
 * administrator's edit is saved there as the next version (never in this desktop's own copy, which would let
 * it accept proposals that the server then refuses). Offline there is neither: no stale copy is shown.
 */
export function centralAuthorityHandlers(sync: SyncService): HandlerGroup<'authority:get' | 'authority:update'> {
  return {
    'authority:get': async (_input, session) => {
      const me = must(session);
      if (!mayViewAuthority(me.info.permissions)) return authorityViewRefused();
      const r = await onServer(sync, me, offline, (token) => sync.client.authority(token));
      return r.ok ? ok({ ...r.value, readOnly: authorityReadOnly(me.info.permissions) }) : r;
    },
    'authority:update': async (input, session) => {
      const me = must(session);
      // Refused here as the server would refuse it, without a round trip (and offline too).
      if (!mayEditAuthority(me.info.permissions)) return authorityEditRefused();
      const checked = checkAuthorityEdit(input.rules);
      if (!checked.ok) return checked;
      return onServer(sync, me, offline, (token) => sync.client.updateAuthority(token, input));
    },
  };
}
