import { z } from 'zod';
import { fail, ok, type Result } from '../errors';
import type { ParamValue } from './conditions';
import type { ScreeningPolicy } from './policy';
import { LimitsSchema, ParamValueSchema, parsePolicy, PricingSchema, RoutingSchema } from './policy-schema';

/**
 * What an administrator may change in a new version: each rule's switch and parameters (not its condition,
 * outcome or wording, which are the rule itself), the limit, pricing and routing parameters (LPR table
 * included), and the grading thresholds and factor points.
 */
export const PolicyEditSchema = z.strictObject({
  rules: z.array(z.strictObject({ id: z.string().max(20), enabled: z.boolean(), params: z.record(z.string().max(40), ParamValueSchema) })).max(200),
  limits: LimitsSchema,
  pricing: PricingSchema,
  routing: RoutingSchema,
  grading: z.strictObject({
    basePoints: z.number().int().min(-1_000).max(1_000),
    pointsPerReferHit: z.number().int().min(-1_000).max(1_000),
    minPointsA: z.number().int().min(-1_000).max(1_000),
    minPointsB: z.number().int().min(-1_000).max(1_000),
    factorPoints: z.record(z.string().max(40), z.number().int().min(-1_000).max(1_000)),
  }),
});
export type PolicyEdit = z.output<typeof PolicyEditSchema>;

function kindOf(v: ParamValue): string {
  return Array.isArray(v) ? 'list' : typeof v;
}

/** The edit as the next version of `base`, or why it cannot be. */
export function applyPolicyEdit(base: ScreeningPolicy, edit: PolicyEdit): Result<ScreeningPolicy> {
  const byId = new Map(edit.rules.map((r) => [r.id, r]));
  if (byId.size !== edit.rules.length || byId.size !== base.rules.length || base.rules.some((r) => !byId.has(r.id))) {
    return fail('validation', '规则列表与当前版本不一致（不能增删规则）', 'The rules do not match the current version (rules cannot be added or removed here)');
  }
  const rules = [];
  for (const rule of base.rules) {
    const e = byId.get(rule.id)!;
    const keys = Object.keys(rule.params);
    if (Object.keys(e.params).length !== keys.length || keys.some((k) => !(k in e.params) || kindOf(e.params[k]!) !== kindOf(rule.params[k]!))) {
      return fail('validation', `规则 ${rule.id} 的参数与当前版本不一致`, `The parameters of rule ${rule.id} do not match the current version`, { rule: rule.id });
    }
    rules.push({ ...rule, enabled: e.enabled, params: e.params });
  }
  const factors = base.grading.factors.map((f) => ({ ...f, points: edit.grading.factorPoints[f.id] ?? f.points }));
  const { factorPoints: _points, ...thresholds } = edit.grading;
  const next = { rules, limits: edit.limits, pricing: edit.pricing, routing: edit.routing, grading: { ...base.grading, ...thresholds, factors } };
  const parsed = parsePolicy(next);
  if (!parsed.success) {
    return fail('validation', '参数不合法', 'Invalid parameters', { issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  return ok(parsed.data);
}

/** The editable part of a policy (what the admin page starts from). */
export function editOf(p: ScreeningPolicy): PolicyEdit {
  return {
    rules: p.rules.map((r) => ({ id: r.id, enabled: r.enabled, params: r.params })),
    limits: p.limits,
    pricing: p.pricing,
    routing: p.routing,
    grading: {
      basePoints: p.grading.basePoints,
      pointsPerReferHit: p.grading.pointsPerReferHit,
      minPointsA: p.grading.minPointsA,
      minPointsB: p.grading.minPointsB,
      factorPoints: Object.fromEntries(p.grading.factors.map((f) => [f.id, f.points])),
    },
  };
}
