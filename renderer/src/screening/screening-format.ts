import { OPEN_END } from '../../../shared/documents/chinese-dates';
import { PRODUCTS, SEGMENT_LABELS, type ProductCode, type Segment } from '../../../shared/products/catalog';
import { COLLATERAL_CLASS_LABELS, type CollateralClass } from '../../../shared/screening/facts';
import { formatMultiple } from '../../../shared/screening/limit-models';
import { formatBp } from '../../../shared/screening/integer-math';
import { formatFen } from '../format/money';
import { bilingual } from '../i18n/list-text';
import type { Label } from '../i18n/use-labels';

const KINDS: Record<string, Label> = {
  residential: { zh: '住宅', en: 'Residential' },
  commercial: { zh: '商铺', en: 'Shop' },
  industrial: { zh: '工业厂房', en: 'Industrial' },
};

export interface ValueText {
  pick(l: Label): string;
  yes: string;
  no: string;
  unknown: string;
  months(n: number): string;
  years(n: number): string;
}

/** A fact or model input as a person reads it: money in yuan, rates in %, flags as 是/否, codes as names. */
export function valueText(value: number | string | boolean | null, unit: string, key: string, t: ValueText): string {
  if (value === null) return t.unknown;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') {
    switch (unit) {
      case 'fen':
        return `¥${formatFen(value)}`;
      case 'bp':
        return formatBp(value);
      case 'multiple':
        return formatMultiple(value);
      case 'months':
        return t.months(value);
      case 'years':
        return t.years(value);
      default:
        return String(value);
    }
  }
  if (key === 'product.code' && value in PRODUCTS) return t.pick(PRODUCTS[value as ProductCode]);
  if (key === 'customer.segment' && value in SEGMENT_LABELS) return t.pick(SEGMENT_LABELS[value as Segment]);
  if (key === 'collateral.kind' && KINDS[value]) return t.pick(KINDS[value]);
  if (key === 'collateral.class' && value in COLLATERAL_CLASS_LABELS) return t.pick(COLLATERAL_CLASS_LABELS[value as CollateralClass]);
  // Estimates recorded before the class was kept as its code hold both names: "住宅 / Residential".
  const both = key === 'class' ? bilingual(value) : null;
  if (both) return t.pick(both);
  if (key === 'licence.validUntil' && value === OPEN_END) return t.pick({ zh: OPEN_END, en: 'No expiry' });
  return value;
}

/** Signed basis points as percentage points: -30 → '−0.30%', 250 → '+2.50%'. */
export function signedBp(bp: number, first = false): string {
  if (first) return formatBp(bp);
  return bp < 0 ? `−${formatBp(-bp)}` : `+${formatBp(bp)}`;
}

/** '4.35' or '4.35%' → 435 bp; null unless a plain number with at most two decimals. Integer arithmetic only. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
