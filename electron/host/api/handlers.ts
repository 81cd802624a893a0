import type { Handlers, Services } from './handler-types';
import { approvalHandlers } from './handlers/approval-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { auditTrailHandlers } from './handlers/audit-trail-handlers';
import { authHandlers } from './handlers/auth-handlers';
import { caseHandlers } from './handlers/case-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { documentHandlers } from './handlers/document-handlers';
import { contractHandlers } from './handlers/contract-handlers';
import { queueHandlers } from './handlers/queue-handlers';
import { screeningHandlers } from './handlers/screening-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { userHandlers } from './handlers/user-handlers';

export type { Handlers, Services } from './handler-types';

/**
 * Maps every API channel onto the services, one file per capability. The `satisfies`-style return type
 * makes a channel added to the contract without a handler a compile error. Permission checks live in the
 * services and in each command's `decide`, never only in the UI.
 */
export function createHandlers(s: Services): Handlers {
  return {
    ...authHandlers(s),
    ...queueHandlers(s),
    ...caseHandlers(s),
    ...auditHandlers(s),
    ...approvalHandlers(s),
    ...auditTrailHandlers(s),
    ...contractHandlers(s),
    ...syncHandlers(s),
    ...dashboardHandlers(s),
    ...screeningHandlers(s),
    ...documentHandlers(s),
    ...userHandlers(s),
  };
}
