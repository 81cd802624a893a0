import { checkCreditCode } from '../validators/credit-code';
import { checkIdNumber } from '../validators/id-number';
import { parseAmountFen } from './capital-amount';
import { formatPeriod, OPEN_END, parseDocumentDate, parsePeriod } from './chinese-dates';
import type { FieldType } from './fields';
import { normaliseCapitalNumerals, normaliseCreditCode, normaliseIdNumber, normaliseText, removeSpaces, toHalfWidth } from './normalise';

/**
 * Why a value is doubtful. `check_digit` on a credit code is only a warning (some early codes fail GB 32100);
 * everything else means the value cannot be what the document says.
 */
export type ValueProblem = 'empty' | 'format' | 'check_digit' | 'birth_date' | 'region' | 'date';

export interface CanonicalValue {
  /** Canonical form (see FieldType); the cleaned text when it could not be parsed. */
  value: string;
  problems: ValueProblem[];
}

/**
 * Turns a recognised or typed value into its canonical form and says what is wrong with it. The same function
 * reads OCR output and the clerk's corrections, so both are held to the same rules. `today` (YYYY-MM-DD)
 * enables the birth-date plausibility rule of ID numbers.
 */
export function canonicalFieldValue(type: FieldType, raw: string, today?: string): CanonicalValue {
  const cleaned = normaliseText(raw);
  if (cleaned === '') return { value: '', problems: ['empty'] };
  switch (type) {
    case 'text':
      return { value: cleaned, problems: [] };
    case 'gender':
      if (/男/.test(cleaned) && !/女/.test(cleaned)) return { value: '男', problems: [] };
      if (/女/.test(cleaned) && !/男/.test(cleaned)) return { value: '女', problems: [] };
      return { value: cleaned, problems: ['format'] };
    case 'date': {
      const d = parseDocumentDate(cleaned);
      return d ? { value: d, problems: [] } : { value: cleaned, problems: ['date'] };
    }
    case 'period': {
      const p = parsePeriod(cleaned);
      return p ? { value: formatPeriod(p), problems: [] } : { value: cleaned, problems: ['date'] };
    }
    case 'idNumber': {
      const v = normaliseIdNumber(raw);
      return { value: v, problems: checkIdNumber(v, today).problems };
    }
    case 'creditCode': {
      const v = normaliseCreditCode(raw);
      return { value: v, problems: checkCreditCode(v).problems };
    }
    case 'amount': {
      const fen = parseAmountFen(normaliseCapitalNumerals(cleaned)) ?? parseAmountFen(cleaned);
      return fen === null ? { value: cleaned, problems: ['format'] } : { value: String(fen), problems: [] };
    }
    case 'area': {
      const m = /^(\d+(?:\.\d{1,2})?)(?:平方米|㎡|m2|M2|平米)?$/.exec(removeSpaces(toHalfWidth(cleaned)).replace(/,/g, ''));
      return m ? { value: Number(m[1]).toFixed(2), problems: [] } : { value: cleaned, problems: ['format'] };
    }
  }
}

/** True when the problems make the value wrong, not merely worth a look. */
export function isBlocking(type: FieldType, problems: readonly ValueProblem[]): boolean {
  return problems.some((p) => !(type === 'creditCode' && p === 'check_digit'));
}

const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** How a canonical value reads for a person (the UI and the return notes). */
export function displayFieldValue(type: FieldType, value: string): string {
  if (type === 'amount' && /^\d+$/.test(value)) return `${yuan(Number(value))} 元`;
  if (type === 'area' && /^\d+\.\d{2}$/.test(value)) return `${value} ㎡`;
  if (type === 'period') {
    const p = parsePeriod(value);
    if (p) return `${p.from} 至 ${p.to === OPEN_END ? '长期' : p.to}`;
  }
  return value;
}
