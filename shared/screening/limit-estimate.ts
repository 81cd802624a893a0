import type { ApplicationData } from '../domain/case';
import { PRODUCTS, type ProductCode } from '../products/catalog';
import { isPublicSector } from './facts';
import { floorTo } from './integer-math';
import { LIMIT_MODELS, yuan, type LimitInput, type LimitStep } from './limit-models';
import type { LimitParams } from './policy';
import type { Label } from '../domain/label';

export type LimitFloorCode = 'base_inclusive' | 'public_sector';
export type LimitCapCode = 'requested' | 'product_max';

export interface LimitBound<C extends string> {
  code: C;
  label: Label;
  amountFen: number;
  /** Whether the bound applies to this case at all (the base credit is not for anyone on the negative list). */
  eligible: boolean;
  /** Whether it changed the figure. */
  applied: boolean;
}

/** The limit estimate with everything needed to explain it: inputs, arithmetic, floors, caps. */
export interface LimitEstimate {
  product: ProductCode;
  model: Label;
  inputs: LimitInput[];
  steps: LimitStep[];
  notes: Label[];
  /** The model's figure, rounded down to the rounding unit. */
  modelFen: number;
  floors: LimitBound<LimitFloorCode>[];
  caps: LimitBound<LimitCapCode>[];
  appliedFloor: LimitFloorCode | null;
  appliedCap: LimitCapCode | null;
  limitFen: number;
}

/**
 * 测额: the product's model, rounded down; raised to the programme's floors (3万 base credit for anyone off
 * the negative list, 20万 for public-sector employees); then capped by the product maximum and the amount
 * applied for. A cap "applies" only if it lowers the figure; when both would give the same figure the
 * product maximum is named, being the policy limit.
 */
export function estimateLimit(data: ApplicationData, today: string, p: LimitParams, onNegativeList: boolean): LimitEstimate {
  const out = LIMIT_MODELS[data.productCode](data, today, p);
  const modelFen = floorTo(out.rawFen, p.roundingUnitFen);
  const steps = [...out.steps];
  if (modelFen !== out.rawFen) {
    steps.push({
      label: { zh: `按 ${yuan(p.roundingUnitFen)} 向下取整`, en: `Rounded down to ${yuan(p.roundingUnitFen)}` },
      formula: `${yuan(out.rawFen)} → ${yuan(modelFen)}`,
      resultFen: modelFen,
    });
  }

  const floors: LimitBound<LimitFloorCode>[] = [
    { code: 'base_inclusive', label: { zh: '普惠基础授信', en: 'Base inclusive credit' }, amountFen: p.baseInclusiveFen, eligible: !onNegativeList, applied: false },
    { code: 'public_sector', label: { zh: '公职人员最低授信', en: 'Public-sector minimum' }, amountFen: p.publicSectorMinFen, eligible: isPublicSector(data), applied: false },
  ];
  let floored = modelFen;
  let appliedFloor: LimitFloorCode | null = null;
  for (const f of floors) {
    if (f.eligible && f.amountFen > floored) {
      floored = f.amountFen;
      appliedFloor = f.code;
    }
  }
  for (const f of floors) f.applied = f.code === appliedFloor;

  const caps: LimitBound<LimitCapCode>[] = [
    { code: 'product_max', label: { zh: '产品金额上限', en: 'Product maximum' }, amountFen: PRODUCTS[data.productCode].maxAmountFen, eligible: true, applied: false },
    { code: 'requested', label: { zh: '申请金额', en: 'Amount applied for' }, amountFen: data.amountFen, eligible: true, applied: false },
  ];
  let limitFen = floored;
  let appliedCap: LimitCapCode | null = null;
  for (const c of caps) {
    if (c.amountFen < limitFen) {
      limitFen = c.amountFen;
      appliedCap = c.code;
    }
  }
  for (const c of caps) c.applied = c.code === appliedCap;

  return { product: data.productCode, model: out.model, inputs: out.inputs, steps, notes: out.notes, modelFen, floors, caps, appliedFloor, appliedCap, limitFen };
}
