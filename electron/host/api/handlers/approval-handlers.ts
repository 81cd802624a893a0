import type { approvalApi } from '../../../../shared/api/approval-api';
import type { CommandName } from '../../../../shared/commands/registry';
import { authorityViewRefused, duplicateBands, mayViewAuthority } from '../../../../shared/approval/authority';
import { fail, ok } from '../../../../shared/errors';
import type { Session } from '../../auth/auth-service';
import { change, must, type HandlerGroup, type Services } from '../handler-types';

export function approvalHandlers(s: Services): HandlerGroup<keyof typeof approvalApi> {
  const run = (session: Session | null, name: CommandName, payload: unknown) => change(s.commands.execute(must(session).actor, name, payload));
  return {
    'approval:propose': (input, session) => run(session, 'propose', input),
    'approval:confirm': (input, session) => run(session, 'confirm', input),
    'approval:sendBack': (input, session) => run(session, 'sendBack', input),
    'approval:returnToDocCheck': (input, session) => run(session, 'returnToDocCheck', input),
    'authority:get': (_input, session) => {
      if (!mayViewAuthority(must(session).info.permissions)) return authorityViewRefused();
      const versions = s.authority.versions();
      return ok({ current: versions[0]!, versions, readOnly: null });
    },
    'authority:update': (input, session) => {
      const me = must(session);
      if (!me.info.permissions.includes('admin.manage')) return fail('forbidden', '只有系统管理员可以修改审批权限表', 'Only an administrator may edit the authority matrix');
      const dups = duplicateBands(input.rules);
      if (dups.length) {
        return fail('validation', `审批权限表中有重复的档位：${dups.join('、')}`, `The matrix names the same band twice: ${dups.join(', ')}`, { duplicates: dups });
      }
      return ok({ version: s.authority.save(input.rules, input.note, me.actor).version });
    },
  };
}
