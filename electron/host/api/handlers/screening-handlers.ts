import type { screeningApi } from '../../../../shared/api/screening-api';
import type { ScreeningView } from '../../../../shared/api/screening-views';
import { covers, ruleFor, UNGRADED } from '../../../../shared/approval/authority';
import { checkedByActor } from '../../../../shared/commands/guards';
import type { CaseRecord } from '../../../../shared/domain/case';
import { ok, type Result } from '../../../../shared/errors';
import { PRODUCTS } from '../../../../shared/products/catalog';
import { applyPolicyEdit } from '../../../../shared/screening/policy-edit';
import { mayAdministerScreening, mayViewRules, ruleSetMissing, rulesMoved, rulesReadOnly, rulesViewRefused, screeningAdminOnly } from '../../../../shared/screening/rule-access';
import type { Session } from '../../auth/auth-service';
import type { ScreeningRecord } from '../../screening/screening-result-repo';
import { change, must, type HandlerGroup, type Services } from '../handler-types';

function admin(session: Session | null): Result<Session> {
  const me = must(session);
  return mayAdministerScreening(me.info.permissions) ? ok(me) : screeningAdminOnly();
}

export function screeningHandlers(s: Services): HandlerGroup<keyof typeof screeningApi> {
  const { service, rules, negativeList, importer, results } = s.screening;

  /** What the viewer could override on this case now: his authority band and rate authority, else null. */
  function overrideAuthority(c: CaseRecord, rec: ScreeningRecord, me: Session): ScreeningView['overrideAuthority'] {
    if (c.state !== 'approval' || c.assigneeId !== me.actor.id || !me.info.permissions.includes('approval.work') || checkedByActor(c, me.actor.id)) return null;
    const role = me.actor.roles.includes('senior_officer') ? 'senior_officer' : 'officer';
    const rule = ruleFor(s.authority.current(), role, c.data.productCode, c.riskGrade ?? UNGRADED);
    const ceiling = Math.min(c.data.amountFen, PRODUCTS[c.data.productCode].maxAmountFen);
    const band = rule ? (covers(rule, ceiling) ? ceiling : rule.inclusive ? rule.maxAmountFen : rule.maxAmountFen - 1) : 0;
    const version = rules.version(rec.evaluation.ruleSetVersion);
    const cut = version ? version.policy.pricing.overrideCutBp[role] : 0;
    const floorBp = rec.evaluation.price.floorBp;
    return { maxLimitFen: Math.max(0, band), lowestRateBp: Math.max(floorBp, rec.evaluation.price.rateBp - cut), floorBp };
  }

  return {
    'screening:get': (input, session) => {
      const me = must(session);
      // Whoever may see the case may see its screening; the case service applies that rule.
      const visible = s.cases.get(input.caseId, me);
      if (!visible.ok) return visible;
      const c = service.caseRecord(input.caseId);
      const all = results.forCase(input.caseId);
      const rec = all[0] ?? null;
      if (!c || !rec) {
        return ok({ caseId: input.caseId, caseState: visible.value.state, result: null, earlier: [], overrides: [], effective: null, overrideAuthority: null });
      }
      const e = rec.evaluation;
      const eff = service.effective(rec);
      return ok({
        caseId: input.caseId,
        caseState: c.state,
        result: {
          id: rec.id,
          screenedAt: rec.screenedAt,
          ruleSetVersion: e.ruleSetVersion,
          asOf: e.asOf,
          outcome: e.outcome,
          team: e.team,
          riskGrade: e.riskGrade,
          rules: e.rules,
          reasons: e.reasons,
          grade: e.grade,
          limit: e.limit,
          price: e.price,
        },
        earlier: all.slice(1).map((r) => ({ id: r.id, screenedAt: r.screenedAt, ruleSetVersion: r.evaluation.ruleSetVersion, outcome: r.evaluation.outcome })),
        overrides: results.overrides(input.caseId, rec.id).map((o) => ({ id: o.id, limitFen: o.limitFen, rateBp: o.rateBp, reason: o.reason, actorName: o.actorName, at: o.at })),
        effective: { limitFen: eff.limitFen, rateBp: eff.rateBp, limitOverridden: eff.limitOverride !== null, rateOverridden: eff.rateOverride !== null },
        overrideAuthority: overrideAuthority(c, rec, me),
      });
    },
    'screening:override': (input, session) => change(service.override(must(session).actor, input)),
    'investigation:complete': (input, session) => change(s.commands.execute(must(session).actor, 'completeInvestigation', input)),
    'screening:rules': (_input, session) => {
      const me = must(session);
      if (!mayViewRules(me.info.permissions)) return rulesViewRefused();
      return ok({ current: rules.current(), versions: rules.list(), readOnly: rulesReadOnly(me.info.permissions) });
    },
    'screening:ruleSet': (input, session) => {
      const me = must(session);
      if (!mayViewRules(me.info.permissions)) return rulesViewRefused();
      const v = rules.version(input.version);
      return v ? ok(v) : ruleSetMissing(input.version);
    },
    'screening:updateRules': (input, session) => {
      const me = admin(session);
      if (!me.ok) return me;
      const base = rules.version(input.basedOnVersion);
      if (!base) return ruleSetMissing(input.basedOnVersion);
      const next = applyPolicyEdit(base.policy, input.edit);
      if (!next.ok) return next;
      const saved = rules.save(next.value, input.basedOnVersion, input.note, me.value.actor);
      if (!saved) return rulesMoved();
      return ok({ version: saved.version });
    },
    'negativeList:summary': (_input, session) => {
      const me = admin(session);
      if (!me.ok) return me;
      return ok({ total: negativeList.count(), imports: negativeList.imports() });
    },
    'negativeList:begin': (input, session) => {
      const me = admin(session);
      if (!me.ok) return me;
      return importer.begin(me.value.actor, input.fileName, input.sizeBytes);
    },
    'negativeList:chunk': (input, session) => {
      const me = admin(session);
      if (!me.ok) return me;
      return importer.chunk(me.value.actor, input.uploadId, input.index, input.data);
    },
    'negativeList:commit': (input, session) => {
      const me = admin(session);
      if (!me.ok) return me;
      return importer.commit(me.value.actor, input.uploadId, input.encoding);
    },
  };
}
