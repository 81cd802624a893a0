import type { approvalApi } from '../../../../shared/api/approval-api';
import type { CommandName } from '../../../../shared/commands/registry';
import { authorityEditRefused, authorityMoved, authorityReadOnly, authorityViewRefused, checkAuthorityEdit, mayEditAuthority, mayViewAuthority } from '../../../../shared/approval/authority';
import { ok } from '../../../../shared/errors';
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
      const { permissions } = must(session).info;
      if (!mayViewAuthority(permissions)) return authorityViewRefused();
      const versions = s.authority.versions();
      return ok({ current: versions[0]!, versions, readOnly: authorityReadOnly(permissions) });
    },
    'authority:update': (input, session) => {
      const me = must(session);
      if (!mayEditAuthority(me.info.permissions)) return authorityEditRefused();
      const checked = checkAuthorityEdit(input.rules);
      if (!checked.ok) return checked;
      const saved = s.authority.save(input.rules, input.note, me.actor, input.basedOnVersion);
      return saved ? ok({ version: saved.version }) : authorityMoved(s.authority.current().version);
    },
  };
}
