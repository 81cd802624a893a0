import { describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../../shared/dashboard/figures';
import { figureLabel, ruleText } from './figure-label';
import type { Label } from '../../../shared/domain/label';

const zh = (l: Label) => l.zh;
const en = (l: Label) => l.en;

const outcomes = { approval: 0, investigation: 0, declined: 1 };
const recorded = { rule: 'R060 CREDIT_OVERDUE: 征信存在逾期记录', ruleEn: 'R060 CREDIT_OVERDUE: Overdue on the credit report', count: 1, share: 1, outcomes };
const older = { rule: 'R001 NEG_LIST: 命中负面清单', ruleEn: null, count: 1, share: 1, outcomes };

describe('rule hits on the dashboard', () => {
  it('are said in the chosen language where the screening recorded both', () => {
    expect(ruleText(recorded, zh)).toBe('R060 CREDIT_OVERDUE: 征信存在逾期记录');
    expect(ruleText(recorded, en)).toBe('R060 CREDIT_OVERDUE: Overdue on the credit report');
  });

  it('are shown as recorded where an older screening kept Chinese only', () => {
    expect(ruleText(older, en)).toBe('R001 NEG_LIST: 命中负面清单');
  });

  it('title their drill-down in the chosen language', () => {
    const f = { rules: { screenings: 1, hits: [recorded, older] } } as unknown as DashboardFigures;
    expect(figureLabel({ kind: 'ruleHit', rule: recorded.rule }, f, en)).toBe('Rule · R060 CREDIT_OVERDUE: Overdue on the credit report');
    expect(figureLabel({ kind: 'ruleHit', rule: recorded.rule }, f, zh)).toBe('规则 · R060 CREDIT_OVERDUE: 征信存在逾期记录');
  });
});
