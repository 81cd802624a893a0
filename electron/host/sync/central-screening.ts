import { fail, ok, type Result } from '../../../shared/errors';
import { mayAdministerScreening, mayViewRules, rulesReadOnly, rulesViewRefused, screeningAdminOnly } from '../../../shared/screening/rule-access';
import type { Session } from '../auth/auth-service';
import { must, type HandlerGroup } from '../api/handler-types';
import { onServer } from './server-call';
import type { SyncService } from './sync-service';

type CentralScreeningChannels =
  | 'negativeList:summary'
  | 'negativeList:begin'
  | 'negativeList:chunk'
  | 'negativeList:commit'
  | 'screening:rules'
  | 'screening:ruleSet'
  | 'screening:updateRules';

const offline = () =>
  fail(
    'offline',
    '当前离线：负面清单和筛查规则保存在中央服务器上（由中央服务器筛查），须联网后查看或修改',
    'Offline: the negative list and the screening rules are kept on the central server (which screens the cases); connect to view or change them',
  );

/**
 * With a central server, the server screens (风险筛查), so what screening reads lives there: the negative
 * list is viewed and imported on the server — the admin page's begin/chunk/commit are passed on unchanged
 * and the server reads the file — and the rule set versions are the server's: the rules page shows them,
 * and an administrator's edit is saved there as the next version, used from the server's next screening
 * (a version saved in this desktop's own copy would screen nothing).
 */
export function centralScreeningHandlers(sync: SyncService): HandlerGroup<CentralScreeningChannels> {
  function asAdmin<T>(session: Session | null, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> {
    const me = must(session);
    if (!mayAdministerScreening(me.info.permissions)) return Promise.resolve(screeningAdminOnly());
    return onServer(sync, me, offline, call);
  }

  return {
    'negativeList:summary': (_input, session) => asAdmin(session, (t) => sync.client.negativeListSummary(t)),
    'negativeList:begin': (input, session) => asAdmin(session, (t) => sync.client.negativeListBegin(t, input)),
    'negativeList:chunk': (input, session) => asAdmin(session, (t) => sync.client.negativeListChunk(t, input)),
    'negativeList:commit': (input, session) => asAdmin(session, (t) => sync.client.negativeListCommit(t, input)),
    'screening:rules': async (_input, session) => {
      const me = must(session);
      if (!mayViewRules(me.info.permissions)) return rulesViewRefused();
      const r = await onServer(sync, me, offline, (t) => sync.client.screeningRules(t));
      return r.ok ? ok({ ...r.value, readOnly: rulesReadOnly(me.info.permissions) }) : r;
    },
    'screening:ruleSet': (input, session) => {
      const me = must(session);
      if (!mayViewRules(me.info.permissions)) return Promise.resolve(rulesViewRefused());
      return onServer(sync, me, offline, (t) => sync.client.screeningRuleSet(t, input.version));
    },
    'screening:updateRules': (input, session) => asAdmin(session, (t) => sync.client.updateScreeningRules(t, input)),
  } satisfies HandlerGroup<CentralScreeningChannels>;
}

