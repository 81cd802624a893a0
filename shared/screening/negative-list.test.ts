import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../validators/generate';
import { maskProbeValue, negativeListProbes } from './negative-list-match';
import { mapHeader, normaliseDate, validateRow, type RowProblem } from './negative-list-row';
import { application, mortgage, TODAY } from './screening-fixtures';

const ID = makeIdNumber('320102', '1980-02-29', 17);
const CODE = makeCreditCode('91', '321181', 'MA1X2Y3K4');
const HEADER = ['姓名', '身份证号', '统一社会信用代码', '出生日期', '原因', '来源', '列入日期'];
const cols = (mapHeader(HEADER) as { columns: Parameters<typeof validateRow>[2] }).columns;
const row = (fields: string[]) => validateRow(fields, HEADER.length, cols, TODAY);

describe('negative-list CSV rows', () => {
  it('maps Chinese or English headers and needs a key column', () => {
    expect(mapHeader(HEADER)).toEqual({ ok: true, columns: { name: 0, idNumber: 1, creditCode: 2, birthDate: 3, reason: 4, source: 5, listedOn: 6 }, ignored: [] });
    expect(mapHeader(['name', 'ID_NUMBER', '备注'])).toEqual({ ok: true, columns: { name: 0, idNumber: 1 }, ignored: ['备注'] });
    expect(mapHeader(['姓名', '原因'])).toEqual({ ok: false, missing: true });
    expect(mapHeader(['姓名', '出生日期']).ok).toBe(true);
  });

  it('accepts an ID number, derives the birth date from it and keys the entry by it', () => {
    expect(row(['张 三', ID.toLowerCase(), '', '', '失信被执行人', '法院', '2025/3/1'])).toEqual({
      row: { idNumber: ID, creditCode: null, name: '张三', birthDate: '1980-02-29', reason: '失信被执行人', source: '法院', listedOn: '2025-03-01', matchKey: `I:${ID}` },
    });
    expect(row(['', '', CODE, '', '', '', ''])).toMatchObject({ row: { creditCode: CODE, matchKey: `C:${CODE}` } });
    expect(row(['李四', '', '', '19900615', '', '', ''])).toMatchObject({ row: { birthDate: '1990-06-15', matchKey: 'N:李四|1990-06-15' } });
  });

  it.each([
    ['wrong column count', ['张三', ID], 'column_count'],
    ['no key', ['张三', '', '', '', '原因', '', ''], 'no_key'],
    ['bad check digit', ['张三', ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'), '', '', '', '', ''], 'invalid_id_number'],
    ['bad credit code', ['', '', CODE.slice(0, 17) + (CODE[17] === 'A' ? 'B' : 'A'), '', '', '', ''], 'invalid_credit_code'],
    ['impossible birth date', ['张三', '', '', '1990-02-30', '', '', ''], 'invalid_birth_date'],
    ['birth date after today', ['张三', '', '', '2030-01-01', '', '', ''], 'invalid_birth_date'],
    ['birth date contradicting the ID', ['张三', ID, '', '1980-03-01', '', '', ''], 'birth_mismatch'],
    ['bad listing date', ['', ID, '', '', '', '', 'yesterday'], 'invalid_listed_on'],
    ['an overlong reason', ['', ID, '', '', 'x'.repeat(201), '', ''], 'too_long'],
  ] as [string, string[], RowProblem][])('rejects a row with %s', (_label, fields, problem) => {
    expect(row(fields)).toEqual({ problem });
  });

  it('normalises dates written the usual ways', () => {
    expect(['2025-3-1', '2025/03/01', '2025.3.1', '20250301'].map(normaliseDate)).toEqual(['2025-03-01', '2025-03-01', '2025-03-01', '2025-03-01']);
    expect(normaliseDate('2025-13-01')).toBeNull();
  });
});

describe('what a case is looked up by', () => {
  it('checks the applicant by ID and name + birth date, the enterprise by credit code, a third-party owner by ID', () => {
    const owner = makeIdNumber('321181', '1970-01-01', 456);
    const data = mortgage({ ownerName: '王建国', ownerIdNumber: owner });
    const probes = negativeListProbes(data);
    expect(probes.map((p) => `${p.party}:${p.key}`)).toEqual([
      'applicant:id_number',
      'applicant:name_birth',
      'enterprise:credit_code',
      'collateral_owner:id_number',
      'collateral_owner:name_birth',
    ]);
    expect(probes[1]!.value).toBe('刘晓东|1985-06-15');
    expect(probes[4]!.value).toBe('王建国|1970-01-01');
    expect(maskProbeValue(probes[0]!)).toMatch(/^3211\*{10}\d{3}[\dX]$/);
    expect(maskProbeValue(probes[1]!)).toBe('刘晓东 ****-**-**');
  });

  it('does not look the applicant up twice when he owns the collateral', () => {
    expect(negativeListProbes(mortgage()).map((p) => p.party)).toEqual(['applicant', 'applicant', 'enterprise']);
    expect(negativeListProbes(application({ enterprise: null })).length).toBe(2);
  });
});
