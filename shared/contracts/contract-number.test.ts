import { describe, expect, it } from 'vitest';
import { documentNo, formatContractNo, parseContractNo, shanghaiYear } from './contract-number';

describe('contract numbers', () => {
  it('spells branch, year and a zero-padded sequence, and reads it back', () => {
    const no = formatContractNo({ branchCode: '3201001', year: 2026, seq: 17 });
    expect(no).toBe('3201001-2026-JK000017');
    expect(parseContractNo(no)).toEqual({ branchCode: '3201001', year: 2026, seq: 17 });
    expect(formatContractNo({ branchCode: '3201001', year: 2026, seq: 1_234_567 })).toBe('3201001-2026-JK1234567');
  });

  it('never matches the numbers demo data recorded before the desk existed', () => {
    expect(parseContractNo('3201001-2026-000017')).toBeNull();
  });

  it('refuses a branch code that would make the number ambiguous, and a sequence of 0', () => {
    expect(() => formatContractNo({ branchCode: '32-01', year: 2026, seq: 1 })).toThrow(RangeError);
    expect(() => formatContractNo({ branchCode: '3201001', year: 2026, seq: 0 })).toThrow(RangeError);
  });

  it('suffixes the guarantee and mortgage contracts of a loan', () => {
    expect(documentNo('3201001-2026-JK000017', 'loan')).toBe('3201001-2026-JK000017');
    expect(documentNo('3201001-2026-JK000017', 'guarantee')).toBe('3201001-2026-JK000017-BZ');
    expect(documentNo('3201001-2026-JK000017', 'mortgage')).toBe('3201001-2026-JK000017-DY');
  });

  it('takes the year in Shanghai time: 16:00 UTC on 31 December is already the next year', () => {
    expect(shanghaiYear('2026-12-31T15:59:59.000Z')).toBe(2026);
    expect(shanghaiYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });
});
