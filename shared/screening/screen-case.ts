import type { RiskGrade } from '../approval/authority';
import type { ApplicationData } from '../domain/case';
import type { Team } from '../products/catalog';
import { evaluateRules, outcomeReasons, type RuleResult, type ScreeningOutcome } from './evaluate-rules';
import { computeFacts, type Facts } from './facts';
import { estimateLimit, type LimitEstimate } from './limit-estimate';
import type { NegativeListMatch } from './negative-list-match';
import type { ScreeningPolicy } from './policy';
import { priceCase, type PriceBreakdown } from './pricing';
import { gradeCase, type GradeExplanation } from './risk-grade';
import { routeTeam } from './routing';

export interface ScreeningEvaluation {
  ruleSetVersion: number;
  /** The date the case was screened on (Asia/Shanghai): ages, licence validity and the LPR are taken on it. */
  asOf: string;
  outcome: ScreeningOutcome;
  /** The approval team it is routed to when it passes (or after investigation). */
  team: Team;
  riskGrade: RiskGrade;
  rules: RuleResult[];
  /** Audited with the outcome: one line per refer/decline hit. */
  reasons: string[];
  facts: Facts;
  grade: GradeExplanation;
  limit: LimitEstimate;
  price: PriceBreakdown;
}

/** The `completeScreening` payload that records an evaluation, the same on a desktop and on the server. */
export function screeningOutcomePayload(caseId: string, e: ScreeningEvaluation) {
  return { caseId, outcome: e.outcome, reasons: e.reasons, reasonsEn: outcomeReasons(e.rules, 'en'), riskGrade: e.riskGrade, team: e.team };
}

/**
 * Screening + limit + price of one case: a pure function of the application, the date, the negative-list
 * hits found by the host, and one version of the policy. The same inputs always give the same result.
 */
export function screenApplication(input: {
  data: ApplicationData;
  asOf: string;
  matches: readonly NegativeListMatch[];
  policy: ScreeningPolicy;
  version: number;
}): ScreeningEvaluation {
  const { data, asOf, matches, policy } = input;
  const facts = computeFacts(data, asOf, matches.length);
  const { results, outcome } = evaluateRules(policy.rules, facts, matches);
  const grade = gradeCase(facts, results.filter((r) => r.result === 'refer').length, policy.grading);
  return {
    ruleSetVersion: input.version,
    asOf,
    outcome,
    team: routeTeam(data, policy.routing),
    riskGrade: grade.grade,
    rules: results,
    reasons: outcomeReasons(results),
    facts,
    grade,
    limit: estimateLimit(data, asOf, policy.limits, matches.length > 0),
    price: priceCase(data, asOf, grade.grade, policy.pricing),
  };
}
