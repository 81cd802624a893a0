import { checkCreditCode } from '../validators/credit-code';
import { checkIdNumber } from '../validators/id-number';
import { canonicalFieldValue, canonicalFor, isBlocking, type ValueProblem } from './field-values';
import { FIELD_DEFS, type FieldDef } from './fields';
import type { DocumentKind } from './kinds';
import { compactLines, readLabelledValues, wordsAt, type LabelSpec, type LabelledValue } from './labelled-lines';
import { normaliseCreditCode, normaliseIdNumber, normaliseText } from './normalise';
import { unionBox, type OcrBox, type OcrPage } from './ocr-types';

/** One field as read from a document, before the clerk has looked at it. */
export interface ExtractedField {
  key: string;
  /** Text as recognised (cleaned of spaces), for the clerk to compare with the image. */
  raw: string;
  /** Canonical value (see FieldType); '' when the field was not found. */
  value: string;
  /** 0–100. */
  confidence: number;
  problems: ValueProblem[];
  page: number;
  /** Where the value is on its page; a second reading crops this box. */
  bbox: OcrBox | null;
  /** 'ocr' first reading, 'reread' a second reading of a crop. */
  source: 'ocr' | 'reread';
}

/** Labels per kind; a null key marks a label that only ends the value before it. */
const LABELS: Partial<Record<DocumentKind, readonly LabelSpec[]>> = {
  id_card_front: [
    { key: 'name', labels: ['姓名'] },
    { key: 'gender', labels: ['性别'] },
    { key: 'ethnicity', labels: ['民族'] },
    { key: 'birthDate', labels: ['出生'] },
    { key: 'address', labels: ['住址'], multiline: true },
    { key: 'idNumber', labels: ['公民身份号码'] },
  ],
  id_card_back: [
    { key: 'authority', labels: ['签发机关'] },
    { key: 'validity', labels: ['有效期限'] },
  ],
  business_licence: [
    { key: 'creditCode', labels: ['统一社会信用代码'] },
    { key: 'name', labels: ['名称'] },
    { key: 'type', labels: ['类型'] },
    { key: 'legalRepresentative', labels: ['法定代表人', '经营者', '负责人', '执行事务合伙人'] },
    { key: 'registeredCapital', labels: ['注册资本', '出资额', '资金数额'] },
    { key: 'establishedOn', labels: ['成立日期', '注册日期'] },
    { key: 'term', labels: ['营业期限', '合伙期限'] },
    { key: 'address', labels: ['住所', '主要经营场所', '经营场所'], multiline: true },
    { key: null, labels: ['经营范围', '登记机关', '组成形式'] },
  ],
  property_certificate: [
    { key: 'owner', labels: ['权利人'] },
    { key: 'location', labels: ['坐落'], multiline: true },
    { key: 'area', labels: ['建筑面积', '面积'] },
    { key: 'use', labels: ['用途'] },
    { key: null, labels: ['共有情况', '不动产单元号', '权利类型', '权利性质', '使用期限', '权利其他状况'] },
  ],
  tax_certificate: [
    { key: 'taxpayer', labels: ['纳税人名称'] },
    { key: 'amount', labels: ['金额合计'] },
    { key: null, labels: ['纳税人识别号', '原凭证号', '税种', '填票人', '备注'] },
  ],
};

const ID_RUN = /[0-9OIlZSB|]{17}[0-9Xx×]/g;
const CREDIT_RUN = /[0-9A-Z]{18}/g;
const CERT_NO = /[\u4e00-\u9fa5]{1,2}[（(〈<\[]\d{4}[）)〉>\]][\u4e00-\u9fa5]{1,10}不动产权第\d{7}号/;
const DATE = String.raw`\d{4}[.\-年/]\d{1,2}[.\-月/]\d{1,2}日?`;
const PERIOD_RUN = new RegExp(`(${DATE})(?:至|-|—|~)(${DATE})`, 'g');

/**
 * Fields of one document from its recognised pages. Each field is read from its label; identity numbers
 * fall back to any run of characters on the page that passes its check digit, the property certificate
 * number and the tax period are found by their printed shape.
 */
export function extractFields(kind: DocumentKind, pages: readonly OcrPage[], today?: string): ExtractedField[] {
  const specs = LABELS[kind];
  const defs = FIELD_DEFS[kind];
  if (!specs && defs.length === 0) return [];
  const found = new Map<string, ExtractedField>();
  pages.forEach((page, pageIndex) => {
    const values = specs ? readLabelledValues(page, specs) : new Map<string, LabelledValue>();
    for (const def of defs) {
      const labelled = fromLabel(def, values.get(def.key), pageIndex, today);
      // A value its label gave that fails its checks may still be found by its shape (an ID number).
      const shaped = !labelled || isBlocking(def.type, labelled.problems) ? fromShape(kind, def, page, pageIndex, today) : null;
      const placed = !labelled && !shaped ? fromLayout(kind, def.key, page, values, pageIndex) : null;
      for (const candidate of [labelled, shaped, placed]) {
        const previous = found.get(def.key);
        if (candidate && (!previous || better(candidate, previous))) found.set(def.key, candidate);
      }
    }
  });
  return defs.map((def) => found.get(def.key) ?? missing(def.key));
}

/**
 * Where a field must be when its label was not read: an ID card prints the name on the line above 性别, in
 * the same column as the gender. The value is empty, but the box lets a second reading look there.
 */
function fromLayout(kind: DocumentKind, key: string, page: OcrPage, values: Map<string, LabelledValue>, pageIndex: number): ExtractedField | null {
  if (kind !== 'id_card_front' || key !== 'name') return null;
  const gender = values.get('gender');
  const g = gender?.bbox;
  if (!gender || !g) return null;
  // Sizes from the gender's own character: a line's box can be stretched by specks read around it.
  const h = g.y1 - g.y0;
  const x0 = Math.max(0, g.x0 - 0.5 * h);
  const x1 = Math.min(page.width, x0 + 5.5 * h);
  const above = page.lines[gender.lineIndex - 1];
  const inColumn = (above?.words ?? []).filter((w) => w.bbox.x0 >= x0 && w.bbox.x1 <= x1 + h && w.bbox.y1 <= g.y0);
  const seen = unionBox(inColumn.map((w) => w.bbox));
  const bbox = seen ?? { x0, y0: Math.max(0, g.y0 - 2.4 * h), x1, y1: Math.max(1, g.y1 - 2.4 * h) };
  return { key, raw: inColumn.map((w) => w.text).join(''), value: '', confidence: 0, problems: ['empty'], page: pageIndex, bbox, source: 'ocr' };
}

function missing(key: string): ExtractedField {
  return { key, raw: '', value: '', confidence: 0, problems: ['empty'], page: 0, bbox: null, source: 'ocr' };
}

/** Fewer problems first, then the surer reading. */
function better(a: ExtractedField, b: ExtractedField): boolean {
  if (a.problems.length !== b.problems.length) return a.problems.length < b.problems.length;
  return a.confidence > b.confidence;
}

function fromLabel(def: FieldDef, v: LabelledValue | undefined, page: number, today?: string): ExtractedField | null {
  if (!v) return null;
  const { value, problems } = canonicalFor(def, v.raw, today);
  const field: ExtractedField = { key: def.key, raw: normaliseText(v.raw), value, confidence: v.confidence, problems, page, bbox: v.bbox, source: 'ocr' };
  return value === '' ? null : field;
}

/** Fields that have a shape of their own can be found without (or despite a misread) label. */
function fromShape(kind: DocumentKind, def: FieldDef, page: OcrPage, pageIndex: number, today?: string): ExtractedField | null {
  const lines = compactLines(page);
  const at = (line: (typeof lines)[number], start: number, end: number, raw: string, value: string, problems: ValueProblem[]): ExtractedField => {
    const words = wordsAt(line.line, start, end);
    return {
      key: def.key,
      raw,
      value,
      confidence: words.length ? Math.min(...words.map((w) => w.confidence)) : 0,
      problems,
      page: pageIndex,
      bbox: unionBox(words.map((w) => w.bbox)),
      source: 'ocr',
    };
  };
  for (const line of lines) {
    if (def.type === 'idNumber') {
      for (const m of line.text.matchAll(ID_RUN)) {
        const v = normaliseIdNumber(m[0]);
        const check = checkIdNumber(v, today);
        if (check.valid) return at(line, m.index, m.index + m[0].length, m[0], v, []);
      }
    }
    if (def.type === 'creditCode') {
      for (const m of line.text.matchAll(CREDIT_RUN)) {
        const v = normaliseCreditCode(m[0]);
        if (checkCreditCode(v).valid) return at(line, m.index, m.index + m[0].length, m[0], v, []);
      }
    }
    if (kind === 'property_certificate' && def.key === 'certNo') {
      const m = CERT_NO.exec(line.text);
      if (m) {
        const c = canonicalFor(def, m[0], today);
        return at(line, m.index, m.index + m[0].length, m[0], c.value, c.problems);
      }
    }
    if (kind === 'tax_certificate' && def.key === 'period') {
      const m = [...line.text.matchAll(PERIOD_RUN)][0];
      if (m) {
        const c = canonicalFieldValue('period', `${m[1]}至${m[2]}`, today);
        if (c.problems.length === 0) return at(line, m.index, m.index + m[0].length, m[0], c.value, []);
      }
    }
  }
  return null;
}
