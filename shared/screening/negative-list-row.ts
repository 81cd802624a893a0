import { checkCreditCode } from '../validators/credit-code';
import { checkIdNumber, isCalendarDate } from '../validators/id-number';
import { nameBirthKey } from './negative-list-match';
import type { Label } from '../domain/label';

/** Columns of a negative-list CSV, each recognised by its Chinese or English header. */
export const NEGATIVE_LIST_COLUMNS = {
  name: ['name', '姓名', '名称', '姓名/名称', '客户名称'],
  idNumber: ['id_number', '身份证号', '身份证号码', '证件号码'],
  creditCode: ['credit_code', '统一社会信用代码', '信用代码'],
  birthDate: ['birth_date', '出生日期'],
  reason: ['reason', '原因', '列入原因'],
  source: ['source', '来源'],
  listedOn: ['listed_on', '列入日期'],
} as const;
export type NegativeListColumn = keyof typeof NEGATIVE_LIST_COLUMNS;
export type ColumnMap = Partial<Record<NegativeListColumn, number>>;

export interface NegativeListRow {
  idNumber: string | null;
  creditCode: string | null;
  name: string | null;
  birthDate: string | null;
  reason: string;
  source: string;
  listedOn: string | null;
  /** What makes two entries the same: ID number, else credit code, else name + birth date. */
  matchKey: string;
}

export type RowProblem =
  | 'column_count'
  | 'no_key'
  | 'invalid_id_number'
  | 'invalid_credit_code'
  | 'invalid_birth_date'
  | 'birth_mismatch'
  | 'invalid_listed_on'
  | 'too_long'
  | 'duplicate_in_file'
  | 'already_listed';

export const ROW_PROBLEM_LABELS: Record<RowProblem, Label> = {
  column_count: { zh: '列数与表头不一致', en: 'Number of columns differs from the header' },
  no_key: { zh: '缺少身份证号、统一社会信用代码或姓名+出生日期', en: 'No ID number, credit code or name + birth date' },
  invalid_id_number: { zh: '身份证号不合法（校验位或出生日期错误）', en: 'Invalid ID number (check digit or birth date)' },
  invalid_credit_code: { zh: '统一社会信用代码不合法', en: 'Invalid credit code' },
  invalid_birth_date: { zh: '出生日期不合法', en: 'Invalid birth date' },
  birth_mismatch: { zh: '出生日期与身份证号不符', en: 'Birth date does not match the ID number' },
  invalid_listed_on: { zh: '列入日期不合法', en: 'Invalid listing date' },
  too_long: { zh: '字段过长', en: 'A field is too long' },
  duplicate_in_file: { zh: '与文件中前面的行重复', en: 'Duplicate of an earlier row in the file' },
  already_listed: { zh: '已在负面清单中', en: 'Already on the negative list' },
};

export type HeaderResult = { ok: true; columns: ColumnMap; ignored: string[] } | { ok: false; missing: true };

const normaliseHeader = (h: string) => h.trim().replace(/^\uFEFF/, '').toLowerCase();

/** Maps header names to columns; the file must name a key: ID number, credit code, or name with birth date. */
export function mapHeader(fields: readonly string[]): HeaderResult {
  const columns: ColumnMap = {};
  const ignored: string[] = [];
  fields.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    const col = (Object.keys(NEGATIVE_LIST_COLUMNS) as NegativeListColumn[]).find((c) => (NEGATIVE_LIST_COLUMNS[c] as readonly string[]).includes(h));
    if (col && columns[col] === undefined) columns[col] = i;
    else ignored.push(raw.trim());
  });
  const hasKey = columns.idNumber !== undefined || columns.creditCode !== undefined || (columns.name !== undefined && columns.birthDate !== undefined);
  return hasKey ? { ok: true, columns, ignored } : { ok: false, missing: true };
}

/** '1985-06-15', '1985/6/15' or '19850615' → '1985-06-15'; null if not a calendar date. */
export function normaliseDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** Validates one data row. `today` bounds plausible birth dates. */
export function validateRow(fields: readonly string[], headerWidth: number, cols: ColumnMap, today: string): { row: NegativeListRow } | { problem: RowProblem } {
  if (fields.length !== headerWidth) return { problem: 'column_count' };
  const get = (c: NegativeListColumn) => (cols[c] === undefined ? '' : fields[cols[c]]!.trim());
  const idRaw = get('idNumber').toUpperCase();
  const codeRaw = get('creditCode').toUpperCase();
  const name = get('name').replace(/\s+/g, '') || null;
  const birthRaw = get('birthDate');
  const reason = get('reason');
  const source = get('source');
  const listedRaw = get('listedOn');
  if ((name?.length ?? 0) > 100 || reason.length > 200 || source.length > 60) return { problem: 'too_long' };
  let birthDate: string | null = null;
  if (birthRaw) {
    birthDate = normaliseDate(birthRaw);
    if (!birthDate || birthDate > today) return { problem: 'invalid_birth_date' };
  }
  let idNumber: string | null = null;
  if (idRaw) {
    const check = checkIdNumber(idRaw, today);
    if (!check.valid) return { problem: 'invalid_id_number' };
    if (birthDate && birthDate !== check.birthDate) return { problem: 'birth_mismatch' };
    idNumber = idRaw;
    birthDate = check.birthDate;
  }
  let creditCode: string | null = null;
  if (codeRaw) {
    if (!checkCreditCode(codeRaw).valid) return { problem: 'invalid_credit_code' };
    creditCode = codeRaw;
  }
  let listedOn: string | null = null;
  if (listedRaw) {
    listedOn = normaliseDate(listedRaw);
    if (!listedOn) return { problem: 'invalid_listed_on' };
  }
  const matchKey = idNumber ? `I:${idNumber}` : creditCode ? `C:${creditCode}` : name && birthDate ? `N:${nameBirthKey(name, birthDate)}` : null;
  if (!matchKey) return { problem: 'no_key' };
  return { row: { idNumber, creditCode, name, birthDate, reason, source, listedOn, matchKey } };
}
