import { describe, expect, it } from 'vitest';
import { fillPlaceholders, hasStrayBraces, placeholdersIn } from './placeholders';

describe('template placeholders', () => {
  it('fills each placeholder with its value, tolerating spaces inside the braces', () => {
    const r = fillPlaceholders('借款人：{{borrower.name}}，金额 {{ amount.capital }}。', { 'borrower.name': '张三', 'amount.capital': '壹佰元整' });
    expect(r).toEqual({ text: '借款人：张三，金额 壹佰元整。', missing: [] });
  });

  it('names placeholders without a value and leaves them in place', () => {
    const r = fillPlaceholders('{{guarantor.name}} 与 {{borrower.name}}', { 'borrower.name': '张三' });
    expect(r.missing).toEqual(['guarantor.name']);
    expect(r.text).toBe('{{guarantor.name}} 与 张三');
  });

  it('does not expand placeholders that arrive inside a value', () => {
    expect(fillPlaceholders('{{a}}', { a: '{{b}}', b: 'x' }).text).toBe('{{b}}');
  });

  it('does not take inherited object keys as values', () => {
    expect(fillPlaceholders('{{constructor}}', {}).missing).toEqual(['constructor']);
  });

  it('lists the placeholders of a text and spots broken braces', () => {
    expect(placeholdersIn('{{a.b}} x {{c}}')).toEqual(['a.b', 'c']);
    expect(hasStrayBraces('{{a.b}} ok')).toBe(false);
    expect(hasStrayBraces('{{borrower.name} 少了一个括号')).toBe(true);
    expect(hasStrayBraces('{{ 1abc }}')).toBe(true);
  });
});
