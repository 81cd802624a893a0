import { describe, expect, it } from 'vitest';
import loanJson from '../../resources/templates/loan.json';
import { checkTemplate, TemplateBody } from './template-model';

const loan = TemplateBody.parse(loanJson);

describe('contract template check (what an admin may save)', () => {
  it('accepts the shipped loan template', () => {
    expect(checkTemplate(loan)).toEqual([]);
  });

  it('names an unknown placeholder and one that has no value in this kind of contract', () => {
    const body = { ...loan, sections: [...loan.sections, { blocks: [{ kind: 'paragraph' as const, text: '{{borrower.nmae}} {{guarantor.name}}' }] }] };
    const problems = checkTemplate(body).map((p) => p.en);
    expect(problems).toEqual([
      'sections[11].blocks[0]: unknown placeholder {{borrower.nmae}}',
      'sections[11].blocks[0]: {{guarantor.name}} has no value in this kind of contract',
    ]);
  });

  it('refuses a version that drops the amount in capitals, the schedule or the signatures', () => {
    const body = {
      ...loan,
      sections: loan.sections.map((s) => ({
        ...s,
        blocks: s.blocks
          .filter((b) => b.kind !== 'schedule' && b.kind !== 'signatures')
          .map((b) => (b.kind === 'fields' ? { ...b, rows: b.rows.filter((r) => !r.value.includes('amount.capital')) } : b)),
      })),
    };
    const problems = checkTemplate(body).map((p) => p.en);
    expect(problems).toContain('The template must use {{amount.capital}} (Amount in Chinese capitals)');
    expect(problems).toContain('The template must contain exactly one "schedule" block (has 0)');
    expect(problems).toContain('The template must contain exactly one "signatures" block (has 0)');
  });

  it('spots a placeholder with a missing brace', () => {
    const body = { ...loan, title: '借款合同 {{contract.no}' };
    expect(checkTemplate(body).map((p) => p.en)).toContain('title: broken placeholder braces');
  });

  it('refuses unknown keys and empty wording in the template data itself', () => {
    expect(TemplateBody.safeParse({ ...loanJson, extra: 1 }).success).toBe(false);
    expect(TemplateBody.safeParse({ ...loanJson, sections: [{ blocks: [{ kind: 'paragraph', text: '   ' }] }] }).success).toBe(false);
  });
});
