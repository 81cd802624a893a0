import type { auditApi } from '../../../../shared/api/audit-api';
import { fail, ok } from '../../../../shared/errors';
import { must, type HandlerGroup, type Services } from '../handler-types';

export function auditHandlers(s: Services): HandlerGroup<keyof typeof auditApi> {
  return {
    'audit:verify': (_input, session) => {
      if (!must(session).info.permissions.includes('audit.verify')) return fail('forbidden', '您没有校验审计链的权限', 'You may not verify the audit trail');
      return ok(s.audit.verify());
    },
  };
}
