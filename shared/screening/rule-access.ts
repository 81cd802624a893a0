import type { Permission } from '../auth/permissions';
import { fail } from '../errors';

/** Who may read the screening rules: those whose work they decide or who oversee it. */
const RULE_READERS: readonly Permission[] = ['admin.manage', 'approval.work', 'investigation.work', 'audit.view', 'case.view_all'];

export const mayViewRules = (permissions: readonly Permission[]) => RULE_READERS.some((p) => permissions.includes(p));

/** Who administers screening (the rules, the negative list), on a desktop and on the server. */
export const mayAdministerScreening = (permissions: readonly Permission[]) => permissions.includes('admin.manage');

export const screeningAdminOnly = () => fail('forbidden', '只有系统管理员可以执行此操作', 'Only an administrator may do this');

const ADMIN_EDITS = { message: '只有系统管理员可以修改筛查规则', messageEn: 'Only an administrator may edit the screening rules' };

/** Why the rules page is read-only for this user (shown on it), or null if he may edit. */
export const rulesReadOnly = (permissions: readonly Permission[]) => (mayAdministerScreening(permissions) ? null : ADMIN_EDITS);

export const rulesViewRefused = () => fail('forbidden', '您无权查看筛查规则', 'You may not view the screening rules');

export const ruleSetMissing = (version: number) => fail('not-found', `规则版本 ${version} 不存在`, `Rule set version ${version} does not exist`);

/** The edit was made on a version that is no longer the newest: saving it would undo the other change unseen. */
export const rulesMoved = () => fail('conflict', '规则已被他人修改，请刷新后重试', 'The rules were changed by someone else; reload and try again');
