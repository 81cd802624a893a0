import type { Label } from '../domain/label';

/** Products of DESIGN §5. Amounts in fen, terms in months. Parameters are data so screening can read them. */
export const PRODUCT_CODES = [
  'tax_loan',
  'mortgage_fast',
  'credit_fast',
  'platform_fast',
  'invoice_finance',
  'revolving',
] as const;
export type ProductCode = (typeof PRODUCT_CODES)[number];

export type Team = 'retail' | 'corporate';

export interface Product {
  code: ProductCode;
  zh: string;
  en: string;
  maxAmountFen: number;
  minTermMonths: number;
  maxTermMonths: number;
  /** Minimum months the business must have operated. */
  minBusinessMonths: number;
  /** Default approval team; large or corporate-segment cases go to the corporate team. */
  team: Team;
}

const WAN = 10_000 * 100; // 1万元 in fen

export const PRODUCTS: Record<ProductCode, Product> = {
  tax_loan: { code: 'tax_loan', zh: '云税贷', en: 'Tax-data loan', maxAmountFen: 300 * WAN, minTermMonths: 1, maxTermMonths: 12, minBusinessMonths: 24, team: 'retail' },
  mortgage_fast: { code: 'mortgage_fast', zh: '抵押快贷', en: 'Mortgage-backed loan', maxAmountFen: 1000 * WAN, minTermMonths: 12, maxTermMonths: 120, minBusinessMonths: 12, team: 'corporate' },
  credit_fast: { code: 'credit_fast', zh: '信用快贷', en: 'Credit loan', maxAmountFen: 200 * WAN, minTermMonths: 1, maxTermMonths: 12, minBusinessMonths: 12, team: 'retail' },
  platform_fast: { code: 'platform_fast', zh: '平台快贷', en: 'Platform loan', maxAmountFen: 500 * WAN, minTermMonths: 1, maxTermMonths: 12, minBusinessMonths: 12, team: 'retail' },
  invoice_finance: { code: 'invoice_finance', zh: '发票融资', en: 'Invoice financing', maxAmountFen: 1000 * WAN, minTermMonths: 1, maxTermMonths: 12, minBusinessMonths: 12, team: 'corporate' },
  revolving: { code: 'revolving', zh: '生意人卡循环贷', en: 'Revolving business card', maxAmountFen: 100 * WAN, minTermMonths: 12, maxTermMonths: 36, minBusinessMonths: 6, team: 'retail' },
};

export const SEGMENTS = ['micro_enterprise', 'sole_proprietor', 'business_owner', 'farmer', 'public_sector'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_LABELS: Record<Segment, Label> = {
  micro_enterprise: { zh: '小微企业', en: 'Micro enterprise' },
  sole_proprietor: { zh: '个体工商户', en: 'Sole proprietor' },
  business_owner: { zh: '小微企业主', en: 'Business owner' },
  farmer: { zh: '农户', en: 'Farmer' },
  public_sector: { zh: '公职人员', en: 'Public-sector employee' },
};

/** Retail vs corporate approval team: by product, segment and amount (corporate above 300万). */
export function teamFor(product: ProductCode, segment: Segment, amountFen: number): Team {
  if (PRODUCTS[product].team === 'corporate') return 'corporate';
  if (segment === 'micro_enterprise' && amountFen > 300 * WAN) return 'corporate';
  return 'retail';
}
