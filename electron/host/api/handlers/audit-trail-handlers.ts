import type { auditTrailApi } from '../../../../shared/api/audit-trail-api';
import { fail, ok } from '../../../../shared/errors';
import { must, type HandlerGroup, type Services } from '../handler-types';

export function auditTrailHandlers(s: Services): HandlerGroup<keyof typeof auditTrailApi> {
  const refuse = () => fail('forbidden', '您无权查看审计记录', 'You may not read the audit trail');
  return {
    'audit:list': (input, session) => {
      const { permissions } = must(session).info;
      if (!permissions.includes('audit.view')) return refuse();
      return ok(s.auditQuery.list(input.filter, input.startRow, input.endRow, permissions.includes('pii.view')));
    },
    'audit:exportCsv': (input, session) => {
      const { permissions } = must(session).info;
      if (!permissions.includes('audit.view')) return refuse();
      const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      return ok({ filename: `audit-${stamp}.csv`, csv: s.auditQuery.csv(input.filter, permissions.includes('pii.view')) });
    },
  };
}
