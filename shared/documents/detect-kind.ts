import { checkIdNumber } from '../validators/id-number';
import type { DocumentKind } from './kinds';
import { normaliseBrackets, removeSpaces, toHalfWidth } from './normalise';

/** Words that only appear on one kind of document, with how much each says. */
const SIGNALS: readonly { kind: DocumentKind; words: readonly [string, number][] }[] = [
  { kind: 'id_card_front', words: [['公民身份号码', 5], ['民族', 2], ['出生', 2], ['住址', 2], ['性别', 2], ['姓名', 1]] },
  { kind: 'id_card_back', words: [['居民身份证', 3], ['签发机关', 4], ['有效期限', 3], ['中华人民共和国', 1]] },
  { kind: 'business_licence', words: [['营业执照', 4], ['统一社会信用代码', 4], ['法定代表人', 2], ['经营范围', 2], ['注册资本', 2], ['登记机关', 1], ['成立日期', 2], ['营业期限', 2]] },
  { kind: 'property_certificate', words: [['不动产权', 5], ['不动产单元号', 3], ['权利人', 2], ['坐落', 2], ['共有情况', 2], ['权利性质', 2], ['使用期限', 1]] },
  { kind: 'tax_certificate', words: [['完税证明', 5], ['纳税人识别号', 3], ['税款所属时期', 3], ['纳税人名称', 2], ['税种', 1], ['入(退)库日期', 2], ['实缴(退)金额', 2]] },
  { kind: 'bank_statement', words: [['交易明细', 3], ['对账单', 3], ['流水', 2], ['账号', 1], ['余额', 2], ['交易日期', 2], ['借方', 1], ['贷方', 1]] },
  { kind: 'invoice', words: [['发票代码', 4], ['发票号码', 4], ['价税合计', 3], ['开票日期', 2], ['购买方', 2], ['销售方', 2]] },
  { kind: 'survey_form', words: [['调查表', 4], ['调查人', 2], ['调查日期', 2], ['实地走访', 2]] },
];

export interface KindGuess {
  kind: DocumentKind;
  /** 0–1: how much of the kind's evidence was found. */
  score: number;
}

/** Leaves one error per keyword of four or more characters, two from six: OCR rarely reads a long one perfectly. */
function contains(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  if (word.length < 4) return false;
  const allowed = word.length >= 6 ? 2 : 1;
  for (let i = 0; i + word.length <= text.length; i++) {
    let errors = 0;
    for (let j = 0; j < word.length && errors <= allowed; j++) if (text[i + j] !== word[j]) errors++;
    if (errors <= allowed) return true;
  }
  return false;
}

/** An ID number that passes its check digit is strong evidence of an ID card's front, whatever else was misread. */
function hasIdNumber(text: string): boolean {
  return [...text.matchAll(/\d{17}[\dX]/g)].some((m) => checkIdNumber(m[0]).valid);
}

/** The most likely kind from the recognised text; `other` when nothing speaks for any kind. */
export function detectKind(text: string): KindGuess {
  const t = normaliseBrackets(removeSpaces(toHalfWidth(text))).replace(/（/g, '(').replace(/）/g, ')');
  let best: KindGuess = { kind: 'other', score: 0 };
  for (const { kind, words } of SIGNALS) {
    const total = words.reduce((s, [, w]) => s + w, 0);
    let found = words.reduce((s, [word, w]) => s + (contains(t, word) ? w : 0), 0);
    if (kind === 'id_card_front' && hasIdNumber(t)) found += 5;
    const score = Math.min(1, found / total);
    if (score > best.score) best = { kind, score };
  }
  return best.score >= 0.3 ? best : { kind: 'other', score: best.score };
}
