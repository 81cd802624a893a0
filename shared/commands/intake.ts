import { z } from 'zod';
import type { ApplicationData } from '../domain/case';
import { fail, ok } from '../errors';
import { PRODUCT_CODES, SEGMENTS, teamFor } from '../products/catalog';
import { addWorkingMinutes } from '../sla/working-time';
import { isTerminal } from '../workflow/states';
import { event, notFound, wrongState } from './guards';
import type { CommandDef } from './types';

import { CaseId } from './case-id';
import { applicantScreeningShape, collateralScreeningShape, enterpriseScreeningShape, screeningInputShape } from './screening-inputs-schema';
const Text = (max: number) => z.string().trim().min(1).max(max);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 身份证号 of a person or 统一社会信用代码 of an enterprise (guarantor, collateral owner). */
const PartyId = z.string().regex(/^(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})$/);

export const ApplicationDataSchema: z.ZodType<ApplicationData> = z.strictObject({
  appNo: Text(32),
  productCode: z.enum(PRODUCT_CODES),
  segment: z.enum(SEGMENTS),
  amountFen: z.number().int().min(100).max(100_000_000_000),
  termMonths: z.number().int().min(1).max(360),
  purpose: Text(200),
  branchCode: Text(20),
  branchName: Text(60),
  priority: z.number().int().min(0).max(9),
  applicant: z.strictObject({
    name: Text(40),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    gender: z.enum(['M', 'F']),
    birthDate: LocalDate,
    phone: z.string().max(20),
    address: z.string().max(200),
    ...applicantScreeningShape,
  }),
  enterprise: z
    .strictObject({
      name: Text(100),
      creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
      legalRepresentative: Text(40),
      registeredCapitalFen: z.number().int().min(0),
      establishedOn: LocalDate,
      address: z.string().max(200),
      industry: z.string().max(60),
      ...enterpriseScreeningShape,
    })
    .nullable(),
  guarantor: z
    .strictObject({
      kind: z.enum(['individual', 'enterprise']),
      name: Text(100),
      idNumber: PartyId,
      address: z.string().max(200),
      phone: z.string().max(20),
    })
    .optional(),
  collateral: z
    .strictObject({
      kind: z.enum(['residential', 'commercial', 'industrial']),
      certificateNo: Text(60),
      address: Text(200),
      areaM2: z.string().regex(/^\d{1,6}(\.\d{1,2})?$/),
      ownerName: Text(100),
      ownerIdNumber: PartyId,
      valuationFen: z.number().int().min(1).max(100_000_000_000_000),
      ...collateralScreeningShape,
    })
    .optional(),
  ...screeningInputShape,
});

/** 分散受理: a branch submits a new application (arrives by sync or import; demo data uses it too). */
export const submit = {
  name: 'submit',
  schema: z.strictObject({ caseId: CaseId, data: ApplicationDataSchema }),
  permission: () => 'case.submit',
  decide(c, p, ctx) {
    if (c) return fail('conflict', '该申请已存在', 'The application already exists');
    const d = p.data;
    const due = addWorkingMinutes(ctx.now, ctx.sla.docCheckMinutes, ctx.calendar);
    return ok([
      {
        type: 'submitted',
        caseId: p.caseId,
        at: ctx.now,
        by: ctx.actor.id,
        byName: ctx.actor.name,
        to: 'submitted',
        slaDueAt: due,
        data: d,
        team: teamFor(d.productCode, d.segment, d.amountFen),
        details: { appNo: d.appNo, productCode: d.productCode, amountFen: d.amountFen, branchCode: d.branchCode },
      },
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; data: ApplicationData }>>;

/** After 补件 the branch sends the case back to 资料审核 with a fresh SLA clock. */
export const resubmit = {
  name: 'resubmit',
  schema: z.strictObject({ caseId: CaseId, note: z.string().max(2000).optional() }),
  permission: () => 'case.submit',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'returned') return wrongState(c, { zh: '重新提交', en: 'resubmit it' });
    return ok([event(c, 'resubmitted', ctx, { to: 'submitted', details: p.note ? { note: p.note } : {} })]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; note?: string }>>;

/** 撤回: the customer or branch withdraws; possible from any open state. */
export const withdraw = {
  name: 'withdraw',
  schema: z.strictObject({ caseId: CaseId, reason: z.string().trim().min(2).max(200) }),
  permission: () => 'case.withdraw',
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (isTerminal(c.state)) return wrongState(c, { zh: '撤回', en: 'withdraw it' });
    return ok([event(c, 'withdrawn', ctx, { to: 'withdrawn', assignee: null, slaDueAt: null, details: { reason: p.reason } })]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; reason: string }>>;
