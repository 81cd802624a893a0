import { evaluateCondition, type Params } from './conditions';
import { FACT_DEFS, type FactName, type Facts, type FactValue } from './facts';
import type { NegativeListMatch } from './negative-list-match';
import { fillParams, type RuleOutcome, type ScreeningRule } from './policy';
import type { Label } from '../domain/label';

export type ScreeningOutcome = 'approval' | 'investigation' | 'declined';

export interface RuleEvidence {
  facts: { fact: FactName; label: Label; unit: string; value: FactValue }[];
  params: Params;
  matches?: NegativeListMatch[];
}

/** One rule as it came out for one case. `result` is what counts: the rule's outcome if it fired, else pass. */
export interface RuleResult {
  ruleId: string;
  reasonCode: string;
  description: Label;
  enabled: boolean;
  /** False when a fact the rule needs is unknown for this case (e.g. a collateral rule without collateral). */
  applicable: boolean;
  fired: boolean;
  outcome: RuleOutcome;
  result: RuleOutcome;
  evidence: RuleEvidence;
  instruction?: Label;
}

export interface RulesEvaluation {
  results: RuleResult[];
  outcome: ScreeningOutcome;
}

/**
 * Runs every rule over the facts. A decline hit declines the case; otherwise a refer hit sends it to an
 * investigation work order; otherwise it goes to approval. Disabled rules are listed, never fired.
 */
export function evaluateRules(rules: readonly ScreeningRule[], facts: Facts, matches: readonly NegativeListMatch[]): RulesEvaluation {
  const results = rules.map((rule): RuleResult => {
    const { truth, read } = rule.enabled ? evaluateCondition(rule.when, facts, rule.params) : { truth: false, read: {} };
    const fired = truth === true;
    const evidence: RuleEvidence = {
      facts: (Object.keys(read) as FactName[]).map((fact) => ({ fact, label: labelOf(fact), unit: FACT_DEFS[fact].unit, value: read[fact] ?? null })),
      params: rule.params,
    };
    if (fired && 'negativeList.hits' in read) evidence.matches = [...matches];
    const description = ruleDescription(rule);
    return {
      ruleId: rule.id,
      reasonCode: rule.reasonCode,
      description,
      enabled: rule.enabled,
      applicable: truth !== null,
      fired,
      outcome: rule.outcome,
      result: fired ? rule.outcome : 'pass',
      evidence,
      ...(rule.instruction ? { instruction: rule.instruction } : {}),
    };
  });
  const outcome: ScreeningOutcome = results.some((r) => r.result === 'decline')
    ? 'declined'
    : results.some((r) => r.result === 'refer')
      ? 'investigation'
      : 'approval';
  return { results, outcome };
}

function labelOf(fact: FactName): Label {
  const d = FACT_DEFS[fact];
  return { zh: d.zh, en: d.en };
}

/** A rule's description with its parameters filled in, in both languages. */
export function ruleDescription(rule: Pick<ScreeningRule, 'description' | 'params'>): Label {
  return { zh: fillParams(rule.description.zh, rule.params), en: fillParams(rule.description.en, rule.params) };
}

/** One rule hit as the outcome records it: `R010 AGE_OUT_OF_RANGE: 申请人年龄不在 18–65 周岁之间`. */
export function hitLine(hit: Pick<RuleResult, 'ruleId' | 'reasonCode' | 'description'>, lang: keyof Label): string {
  return `${hit.ruleId} ${hit.reasonCode}: ${hit.description[lang]}`.slice(0, 200);
}

/**
 * The reasons recorded with the screening outcome (audited): one line per decline or refer hit. The Chinese
 * lines are the record; the English ones are kept beside them for the English history.
 */
export function outcomeReasons(results: readonly RuleResult[], lang: keyof Label = 'zh'): string[] {
  return results
    .filter((r) => r.result === 'decline' || r.result === 'refer')
    .map((r) => hitLine(r, lang))
    .slice(0, 20);
}
