import { checkCreditCode } from '../validators/credit-code';
import { checkIdNumber } from '../validators/id-number';
import { parseAmountFen } from './capital-amount';
import { findDocumentDate, formatPeriod, OPEN_END, parseDocumentDate, parsePeriod } from './chinese-dates';
import { fieldDef, type FieldDef, type FieldType } from './fields';
import type { DocumentKind } from './kinds';
import { isSurname } from './name-characters';
import { normaliseCapitalNumerals, normaliseCreditCode, normaliseHouseNumber, normaliseIdNumber, normaliseText, removeSpaces, toHalfWidth } from './normalise';
import type { Label } from '../domain/label';

/**
 * Why a value is doubtful. `check_digit` on a credit code is only a warning (some early codes fail GB 32100);
 * everything else means the value cannot be what the document says.
 */
export type ValueProblem = 'empty' | 'format' | 'check_digit' | 'birth_date' | 'region' | 'date';

/** Each problem in words, for the clerk who typed the value. */
export const VALUE_PROBLEM_LABELS: Record<ValueProblem, Label> = {
  empty: { zh: '内容为空', en: 'empty' },
  format: { zh: '格式不对', en: 'wrong format' },
  check_digit: { zh: '校验位不符', en: 'check digit does not match' },
  birth_date: { zh: '出生日期不存在', en: 'no such birth date' },
  region: { zh: '地区代码不存在', en: 'unknown region code' },
  date: { zh: '日期不合理', en: 'implausible date' },
};

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
      const d = parseDocumentDate(cleaned) ?? findDocumentDate(cleaned);
      return d ? { value: d, problems: [] } : { value: cleaned, problems: ['date'] };
    }
    case 'period': {
      const p = parsePeriod(cleaned);
      return p ? { value: formatPeriod(p), problems: [] } : { value: cleaned, problems: ['date'] };
    }
    case 'idNumber': {
      const v = validWindow(normaliseIdNumber(raw), (w) => checkIdNumber(w, today).valid);
      return { value: v, problems: checkIdNumber(v, today).problems };
    }
    case 'creditCode': {
      const read = validWindow(normaliseCreditCode(raw), (w) => checkCreditCode(w).valid);
      const v = checkCreditCode(read).problems.includes('check_digit') ? (repairCreditCode(read) ?? read) : read;
      return { value: v, problems: checkCreditCode(v).problems };
    }
    case 'amount':
      return amountValue(cleaned);
    case 'area': {
      const m = /^(\d+(?:\.\d{1,2})?)(?:平方米|㎡|m2|M2|平米)?$/.exec(removeSpaces(toHalfWidth(cleaned)).replace(/,/g, ''));
      return m ? { value: Number(m[1]).toFixed(2), problems: [] } : { value: cleaned, problems: ['format'] };
    }
  }
}

/**
 * A longer reading (a mark read before the number, a neighbour's digit after it) may hold the number: the
 * first 18-character window that passes its check is it.
 */
function validWindow(read: string, valid: (w: string) => boolean): string {
  if (read.length <= 18) return read;
  for (let i = 0; i + 18 <= read.length; i++) if (valid(read.slice(i, i + 18))) return read.slice(i, i + 18);
  return read;
}

/** Letters and digits of the GB 32100 alphabet that OCR confuses with each other. */
const CODE_CONFUSIONS: Record<string, string> = { G: '6', '6': 'G', B: '8', '8': 'B', D: '0', '0': 'D', Q: '0', T: '7', '7': 'T', A: '4', '4': 'A', L: '1', '1': 'L' };

/**
 * A credit code failing its check character by one confusable character (G for 6, B for 8 …) is repaired
 * when exactly one such substitution makes it valid; otherwise (none, or several) it is left for the clerk.
 */
export function repairCreditCode(code: string): string | null {
  const found = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    const alt = CODE_CONFUSIONS[code[i]!];
    if (!alt) continue;
    const candidate = code.slice(0, i) + alt + code.slice(i + 1);
    if (checkCreditCode(candidate).valid) found.add(candidate);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * An amount as printed: capitals, a figure, or both (a tax certificate's 金额合计 line). When both are read
 * and agree, that is the amount; when they disagree, the figure is taken (it is read more reliably) and the
 * value is marked doubtful for the clerk.
 */
function amountValue(text: string): CanonicalValue {
  const figureText = /[\d,.]*\d\.\d{2}$/.exec(text)?.[0];
  const figure = figureText ? parseAmountFen(figureText.replace(/[.,](?=.*[.])/g, '')) : null;
  const capitalText = text.replace(/^（?大写）?/, '').replace(/[¥￥Y半]?[\d,.]*$/, '');
  const capital = /[元万]/.test(capitalText) ? (parseAmountFen(normaliseCapitalNumerals(capitalText)) ?? parseAmountFen(capitalText)) : null;
  if (figure !== null && capital !== null) return { value: String(figure), problems: figure === capital ? [] : ['format'] };
  const only = figure ?? capital;
  return only === null ? { value: text, problems: ['format'] } : { value: String(only), problems: [] };
}

/** Province abbreviations that begin a property certificate number, and what OCR reads them as. */
const PROVINCE_ABBREVIATIONS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台';
const ABBREVIATION_LOOKALIKES: Record<string, string> = { 院: '皖', 完: '皖', 浣: '皖', 芯: '苏', 办: '苏', 折: '浙', 渐: '浙', 拆: '浙', 鬼: '鲁', 粵: '粤' };

/** The 56 ethnic groups as an ID card prints them (汉, not 汉族), longest first so 土家 wins over 土. */
const ETHNIC_GROUPS = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 ' +
  '仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/**
 * The canonical value of a field, with the rules its meaning adds to its type: a name begins with a Chinese
 * character (a mark read from a table rule before it is dropped), a certificate number with a province.
 */
export function canonicalFor(def: FieldDef, raw: string, today?: string): CanonicalValue {
  const c = canonicalFieldValue(def.type, raw, today);
  if (def.names && c.value !== '') {
    let value = c.value.replace(/^[^\u4e00-\u9fa5]+/, '');
    // A person's surname read twice (孟孟健涛): no single surname is written doubled, so one is dropped.
    // (Doubled given names — 李丽丽 — are common and stay.)
    const chars = [...value];
    if (def.names === 'person' && chars.length === 4 && chars[0] === chars[1] && isSurname(chars[0]!)) value = chars.slice(1).join('');
    return value === '' ? { value: '', problems: ['empty'] } : { ...c, value };
  }
  if (def.multiline && c.value !== '') return { ...c, value: normaliseHouseNumber(c.value) };
  if (def.key === 'ethnicity' && c.value !== '') {
    // Only a known group: specks read after a one-character value (汉（9) are not part of it.
    const cjk = c.value.replace(/[^\u4e00-\u9fa5]/g, '').replace(/族$/, '');
    const group = ETHNIC_GROUPS.find((g) => cjk.startsWith(g));
    return group ? { value: group, problems: [] } : { value: cjk || c.value, problems: ['format'] };
  }
  if (def.key === 'certNo' && c.value !== '' && !PROVINCE_ABBREVIATIONS.includes(c.value[0]!)) {
    const fixed = ABBREVIATION_LOOKALIKES[c.value[0]!];
    return fixed ? { ...c, value: fixed + c.value.slice(1) } : { ...c, problems: [...c.problems, 'format'] };
  }
  return c;
}

/** True when the problems make the value wrong, not merely worth a look. */
export function isBlocking(type: FieldType, problems: readonly ValueProblem[]): boolean {
  return problems.some((p) => !(type === 'creditCode' && p === 'check_digit'));
}

const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** How a canonical value reads for a person (the UI and the return notes), in Chinese unless `en`. */
export function displayFieldValue(type: FieldType, value: string, en = false): string {
  if (type === 'amount' && /^\d+$/.test(value)) return en ? `¥${yuan(Number(value))}` : `${yuan(Number(value))} 元`;
  if (type === 'area' && /^\d+\.\d{2}$/.test(value)) return `${value} ㎡`;
  if (type === 'period') {
    const p = parsePeriod(value);
    if (p && en) return `${p.from} – ${p.to === OPEN_END ? 'no expiry' : p.to}`;
    if (p) return `${p.from} 至 ${p.to === OPEN_END ? '长期' : p.to}`;
  }
  return value;
}

/** A field of a document kind as `displayFieldValue` reads it; a key the kind does not have, as stored. */
export function displayValueOf(kind: DocumentKind, key: string, value: string, en = false): string {
  const def = fieldDef(kind, key);
  return def ? displayFieldValue(def.type, value, en) : value;
}
