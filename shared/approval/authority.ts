import type { Permission } from '../auth/permissions';
import { fail, ok, type Result } from '../errors';
import type { Role } from '../auth/roles';
import { amountLabel } from '../money/fen';
import type { ProductCode } from '../products/catalog';
import type { Label } from '../domain/label';

/** Risk grade of a case, set by screening; an ungraded case is treated as the riskiest grade. */
export const RISK_GRADES = ['A', 'B', 'C'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];
export const UNGRADED: RiskGrade = 'C';

export type AuthorityRole = Extract<Role, 'officer' | 'senior_officer'>;

/** One band of the authority matrix: up to `maxAmountFen` (inclusive or not) for a role, product and grade. */
export interface AuthorityRule {
  role: AuthorityRole;
  product: ProductCode | '*';
  riskGrade: RiskGrade | '*';
  maxAmountFen: number;
  inclusive: boolean;
}

export interface AuthorityMatrix {
  version: number;
  rules: readonly AuthorityRule[];
}

/** Who must confirm an approval: one officer (or senior), one senior, or two different seniors. */
export type RequiredAuthority = 'officer' | 'senior_officer' | 'two_seniors';

const WAN = 1_000_000; // 1万元 in fen

/** Version 1 as shipped (DESIGN §3: officer ≤ 100万, senior ≤ 500万, above → two seniors). */
export const DEFAULT_AUTHORITY_RULES: readonly AuthorityRule[] = [
  { role: 'officer', product: '*', riskGrade: '*', maxAmountFen: 100 * WAN, inclusive: true },
  { role: 'officer', product: '*', riskGrade: 'C', maxAmountFen: 50 * WAN, inclusive: true },
  { role: 'officer', product: 'mortgage_fast', riskGrade: '*', maxAmountFen: 200 * WAN, inclusive: true },
  { role: 'senior_officer', product: '*', riskGrade: '*', maxAmountFen: 500 * WAN, inclusive: true },
];

/** The rule that applies to a role for a product and grade: the most specific one wins. */
export function ruleFor(matrix: AuthorityMatrix, role: AuthorityRole, product: ProductCode, grade: RiskGrade): AuthorityRule | null {
  let best: AuthorityRule | null = null;
  let bestScore = -1;
  for (const r of matrix.rules) {
    if (r.role !== role) continue;
    if (r.product !== '*' && r.product !== product) continue;
    if (r.riskGrade !== '*' && r.riskGrade !== grade) continue;
    const score = (r.product !== '*' ? 2 : 0) + (r.riskGrade !== '*' ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

export function covers(rule: AuthorityRule | null, amountFen: number): boolean {
  if (!rule) return false;
  return rule.inclusive ? amountFen <= rule.maxAmountFen : amountFen < rule.maxAmountFen;
}

export function requiredAuthority(matrix: AuthorityMatrix, product: ProductCode, grade: RiskGrade, amountFen: number): RequiredAuthority {
  if (covers(ruleFor(matrix, 'officer', product, grade), amountFen)) return 'officer';
  if (covers(ruleFor(matrix, 'senior_officer', product, grade), amountFen)) return 'senior_officer';
  return 'two_seniors';
}

/**
 * Whether a person with these roles may confirm an approval of this size. Seniors confirm everything an
 * officer may; above a senior's band two different seniors confirm (the caller counts them).
 */
export function mayConfirm(roles: readonly Role[], required: RequiredAuthority): boolean {
  if (roles.includes('senior_officer')) return true;
  return required === 'officer' && roles.includes('officer');
}

export function describeLimit(rule: AuthorityRule | null): Label {
  if (!rule) return { zh: '无审批权限', en: 'no approval authority' };
  const amount = amountLabel(rule.maxAmountFen);
  return { zh: `${amount.zh}${rule.inclusive ? '（含）' : '（不含）'}`, en: `${amount.en} ${rule.inclusive ? 'inclusive' : 'exclusive'}` };
}

export const REQUIRED_LABELS: Record<RequiredAuthority, Label> = {
  officer: { zh: '审批员复核', en: 'an officer confirms' },
  senior_officer: { zh: '高级审批员复核', en: 'a senior officer confirms' },
  two_seniors: { zh: '两名高级审批员复核', en: 'two senior officers confirm' },
};

/** Bands that name the same role, product and grade: `ruleFor` could not tell which one is meant. */
export function duplicateBands(rules: readonly AuthorityRule[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const r of rules) {
    const key = `${r.role}/${r.product}/${r.riskGrade}`;
    if (seen.has(key)) dups.add(key);
    seen.add(key);
  }
  return [...dups];
}

/** Who may read the matrix: administrators, approval officers (whose limits it sets) and auditors. */
export function mayViewAuthority(permissions: readonly Permission[]): boolean {
  return permissions.includes('admin.manage') || permissions.includes('approval.work') || permissions.includes('audit.view');
}

export const authorityViewRefused = () => fail('forbidden', '您无权查看审批权限表', 'You may not view the authority matrix');

/** Who may save a new version: administrators only (on a standalone desktop, and on the central server). */
export function mayEditAuthority(permissions: readonly Permission[]): boolean {
  return permissions.includes('admin.manage');
}

const ADMIN_EDITS = { message: '只有系统管理员可以修改审批权限表', messageEn: 'Only an administrator may edit the authority matrix' };

export const authorityEditRefused = () => fail('forbidden', ADMIN_EDITS.message, ADMIN_EDITS.messageEn);

/** Why the authority page is read-only for this user (shown on it), or null if he may edit. */
export const authorityReadOnly = (permissions: readonly Permission[]) => (mayEditAuthority(permissions) ? null : ADMIN_EDITS);

/** An edit is checked the same way wherever it is saved: no band may be named twice. */
export function checkAuthorityEdit(rules: readonly AuthorityRule[]): Result<void> {
  const dups = duplicateBands(rules);
  if (!dups.length) return ok(undefined);
  return fail('validation', `审批权限表中有重复的档位：${dups.join('、')}`, `The matrix names the same band twice: ${dups.join(', ')}`, { duplicates: dups });
}

/** The edit was made on a version that is no longer the newest: saving it would undo the other change unseen. */
export const authorityMoved = (current: number) =>
  fail(
    'conflict',
    `审批权限表已被他人修改（现为第 ${current} 版），请刷新后在新版本上修改`,
    `The authority matrix was changed meanwhile (now version ${current}); reload and edit the new version`,
    { current },
  );
