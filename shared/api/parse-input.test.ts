import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput } from './parse-input';

describe('parseInput', () => {
  const schema = z.strictObject({ caseId: z.string().min(3), amountFen: z.number().int(), review: z.strictObject({ value: z.string() }) });

  it('names the fields at fault in both languages, without their values', () => {
    const r = parseInput(schema, { caseId: 'x', amountFen: 1.5, review: { value: 320102199007151386 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: '请求数据不合法：caseId, amountFen, review.value', messageEn: 'Invalid request data: caseId, amountFen, review.value' } });
    expect(JSON.stringify(r)).not.toContain('320102199007151386');
  });

  it('gives back the parsed value', () => {
    expect(parseInput(schema, { caseId: 'c-1', amountFen: 100, review: { value: 'v' } })).toEqual({ ok: true, value: { caseId: 'c-1', amountFen: 100, review: { value: 'v' } } });
  });

  it('refuses what is not an object at all', () => {
    expect(parseInput(schema, null)).toMatchObject({ ok: false, error: { messageEn: 'Invalid request data: (root)' } });
  });
});
