import { fail, type Result } from '../../../shared/errors';
import type { Session } from '../auth/auth-service';
import { must, type HandlerGroup } from '../api/handler-types';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

type CentralScreeningChannels = 'negativeList:summary' | 'negativeList:begin' | 'negativeList:chunk' | 'negativeList:commit' | 'screening:updateRules';

const ADMIN_ONLY = () => fail('forbidden', '只有系统管理员可以执行此操作', 'Only an administrator may do this');
const offline = () =>
  fail(
    'offline',
    '当前离线：负面清单保存在中央服务器上（由中央服务器筛查），须联网后查看或导入',
    'Offline: the negative list is kept on the central server (which screens the cases); connect to view or import it',
  );

/** Why a synced desktop does not edit the screening rules: shown on the rules page and given when refusing. */
export const RULES_ARE_THE_SERVERS = {
  message: '本机已连接中央服务器，风险筛查由中央服务器执行，筛查规则不能在本机修改（本机显示的是中央服务器所用的规则版本）',
  messageEn: 'This desktop syncs with a central server, which does the screening: the screening rules cannot be edited here (the version shown is the one the server uses)',
};

/**
 * With a central server, the server screens (风险筛查), so what screening reads lives there: the negative
 * list is viewed and imported on the server — the admin page's begin/chunk/commit are passed on unchanged
 * and the server reads the file — and the rule set in force is the server's. Rule edits are not made from a
 * synced desktop: they are refused with the reason (the desktop would otherwise screen nothing with them and
 * show rules the server does not use).
 */
export function centralScreeningHandlers(sync: SyncService): HandlerGroup<CentralScreeningChannels> {
  function asAdmin<T>(session: Session | null, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> {
    const me = must(session);
    if (!me.info.permissions.includes('admin.manage')) return Promise.resolve(ADMIN_ONLY());
    return onServer(sync, me, offline, call);
  }

  return {
    'negativeList:summary': (_input, session) => asAdmin(session, (t) => sync.client.negativeListSummary(t)),
    'negativeList:begin': (input, session) => asAdmin(session, (t) => sync.client.negativeListBegin(t, input)),
    'negativeList:chunk': (input, session) => asAdmin(session, (t) => sync.client.negativeListChunk(t, input)),
    'negativeList:commit': (input, session) => asAdmin(session, (t) => sync.client.negativeListCommit(t, input)),
    'screening:updateRules': (_input, session) => {
      if (!must(session).info.permissions.includes('admin.manage')) return ADMIN_ONLY();
      return fail('forbidden', RULES_ARE_THE_SERVERS.message, RULES_ARE_THE_SERVERS.messageEn);
    },
  } satisfies HandlerGroup<CentralScreeningChannels>;
}

