import type { dashboardApi } from '../../../../shared/api/dashboard-api';
import { fail, ok } from '../../../../shared/errors';
import type { Session } from '../../auth/auth-service';
import { must, type HandlerGroup, type Services } from '../handler-types';

/**
 * Reading the dashboard needs case.view_all (supervisors, auditors, admins see every case anyway);
 * reassigning needs case.assign, which the assign command checks again for every case.
 */
export function dashboardHandlers(s: Services): HandlerGroup<keyof typeof dashboardApi> {
  const mayRead = (session: Session | null) => must(session).info.permissions.includes('case.view_all');
  const mayAssign = (session: Session | null) => must(session).info.permissions.includes('case.assign');
  const mayViewPii = (session: Session | null) => must(session).info.permissions.includes('pii.view');
  const refuseRead = () => fail('forbidden', '您无权查看主管看板', 'You may not view the supervisor dashboard');
  const refuseAssign = () => fail('forbidden', '您没有分派案件的权限', 'You may not assign cases');
  return {
    'dashboard:figures': (input, session) => (mayRead(session) ? s.dashboard.figures(input.query, mayViewPii(session)) : refuseRead()),
    'dashboard:drill': (input, session) =>
      mayRead(session) ? s.dashboard.drill(input.query, input.ref, input.startRow, input.endRow, mayViewPii(session)) : refuseRead(),
    'dashboard:export': (input, session) =>
      mayRead(session) ? s.dashboard.export(input.query, input.table, input.format, input.ref, mayViewPii(session)) : refuseRead(),
    'dashboard:assignees': (input, session) => (mayAssign(session) ? s.dashboard.assignees(input.caseIds) : refuseAssign()),
    'dashboard:reassign': (input, session) =>
      mayAssign(session) ? ok(s.dashboard.reassign(must(session).actor, input.caseIds, input.assigneeId, input.reason)) : refuseAssign(),
  };
}
