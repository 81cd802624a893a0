import { z } from 'zod';
import { maskBirthDate, maskIdentifier, maskIdentifiersIn } from '../domain/masking';
import { fieldDef, isSensitiveField } from '../documents/fields';
import { DOCUMENT_KINDS, type DocumentKind } from '../documents/kinds';
import { fail, ok } from '../errors';
import type { CaseState } from '../workflow/states';
import { event, notFound, notYours, wrongState } from './guards';
import type { CommandDef } from './types';

import { CaseId } from './case-id';

const DocumentId = z.string().regex(/^d-[A-Za-z0-9_-]{1,60}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Kind = z.enum(DOCUMENT_KINDS);
const FieldKey = z.string().regex(/^[A-Za-z]{1,40}$/);
const FieldValue = z.string().max(500);

/** Documents reach a case while the branch holds it (submitted, or returned for supplement) or during the check. */
const OPEN_FOR_DOCUMENTS: readonly CaseState[] = ['submitted', 'doc_check', 'returned'];

/**
 * 资料上传: a document was added to the case (stored by its sha256; the file itself is not in the event).
 * The branch adds documents while it holds the case; the clerk may add one (received another way) while
 * checking the case he holds.
 */
export const addDocument = {
  name: 'addDocument',
  schema: z.strictObject({
    caseId: CaseId,
    documentId: DocumentId,
    fileName: z.string().trim().min(1).max(200),
    sha256: Sha256,
    mime: z.enum(['image/jpeg', 'image/png', 'image/tiff', 'application/pdf']),
    sizeBytes: z.number().int().min(1),
    pages: z.number().int().min(1).max(50),
  }),
  permission: (c) => (c?.state === 'doc_check' ? 'doc.work' : c && OPEN_FOR_DOCUMENTS.includes(c.state) ? 'case.submit' : null),
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (!OPEN_FOR_DOCUMENTS.includes(c.state)) return wrongState(c, { zh: '添加资料', en: 'add documents' });
    if (c.state === 'doc_check' && c.assigneeId !== ctx.actor.id) return notYours(c);
    return ok([
      event(c, 'documentAdded', ctx, {
        // Branches name scans after the customer's identity number; the audit is read by roles that may not see it.
        details: { documentId: p.documentId, fileName: maskIdentifiersIn(p.fileName), sha256: p.sha256, mime: p.mime, sizeBytes: p.sizeBytes, pages: p.pages },
      }),
    ]);
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; documentId: string; fileName: string; sha256: string; mime: string; sizeBytes: number; pages: number }>>;

const ReviewAction = z.discriminatedUnion('action', [
  /** The recognised value is right (确认). `sensitive`: the sender's word; `isSensitiveReview` also asks the field's definition. */
  z.strictObject({ action: z.literal('confirmField'), field: FieldKey, value: FieldValue, sensitive: z.boolean() }),
  /** The clerk typed the right value (更正); `from` is what the machine read. */
  z.strictObject({ action: z.literal('correctField'), field: FieldKey, from: FieldValue, value: FieldValue, sensitive: z.boolean() }),
  /** The machine took the document for the wrong kind (类型更正). */
  z.strictObject({ action: z.literal('setKind'), from: Kind, kind: Kind }),
]);

/**
 * 资料核对: the clerk's review of one recognised document — confirm or correct a field, or correct its kind.
 * Corrections are what the audit must keep; identity numbers appear in the audit masked (the full value is
 * in the store and in the outbox for the server).
 */
export const reviewDocument = {
  name: 'reviewDocument',
  schema: z.strictObject({ caseId: CaseId, documentId: DocumentId, kind: Kind, review: ReviewAction }),
  permission: (c) => (c?.state === 'doc_check' ? 'doc.work' : null),
  decide(c, p, ctx) {
    if (!c) return notFound();
    if (c.state !== 'doc_check') return wrongState(c, { zh: '核对资料', en: 'review its documents' });
    if (c.assigneeId !== ctx.actor.id) return notYours(c);
    const r = p.review;
    const shown = (v: string, field: { field: string; sensitive: boolean }) => auditedValue(p.kind, field, v);
    const base = { documentId: p.documentId, kind: p.kind };
    switch (r.action) {
      case 'confirmField':
        return ok([event(c, 'documentFieldConfirmed', ctx, { details: { ...base, field: r.field, value: shown(r.value, r) } })]);
      case 'correctField':
        if (r.from === r.value) return fail('validation', '更正后的值与识别结果相同', 'The correction equals the recognised value');
        return ok([event(c, 'documentFieldCorrected', ctx, { details: { ...base, field: r.field, fromValue: shown(r.from, r), value: shown(r.value, r) } })]);
      case 'setKind':
        if (r.from === r.kind) return fail('validation', '资料类型未改变', 'The kind is unchanged');
        return ok([event(c, 'documentKindSet', ctx, { details: { ...base, fromKind: r.from, kind: r.kind } })]);
    }
  },
} satisfies CommandDef<z.ZodType<{ caseId: string; documentId: string; kind: DocumentKind; review: z.output<typeof ReviewAction> }>>;

/**
 * The full value of an identity number or credit code a clerk confirmed or corrected, or of any reviewed value
 * with one inside (its audit entry holds it masked, the audit being read by more roles than the case): the
 * server sends it with the change, so the other desktops, whose stores hold the case's identity numbers in
 * full anyway, show the reviewed value.
 */
export const IdentityValue = z.strictObject({ documentId: DocumentId, field: FieldKey, value: FieldValue });
export type IdentityValue = z.infer<typeof IdentityValue>;

/**
 * Whether a reviewed field's value is masked in the audit: an identity number or credit code by the field's
 * definition for the kind, or a field the definitions do not know — whatever the sender says (a client that
 * says `sensitive: false` for an identity number is not believed on the server, which runs this same decide).
 */
export function isSensitiveReview(kind: DocumentKind, review: { field: string; sensitive: boolean }): boolean {
  const def = fieldDef(kind, review.field);
  return review.sensitive || !def || isSensitiveField(def.type);
}

/**
 * A reviewed value as its audit entry holds it (read by auditors and supervisors): all masked for a sensitive
 * field, the digits of an ID card's birth date (the middle of the identity number), else any identifier in it.
 */
export function auditedValue(kind: DocumentKind, review: { field: string; sensitive: boolean }, value: string): string {
  if (isSensitiveReview(kind, review)) return maskIdentifier(value);
  return review.field === 'birthDate' ? maskBirthDate(value) : maskIdentifiersIn(value);
}

export function identityValueOf(payload: unknown): IdentityValue | undefined {
  const p = reviewDocument.schema.safeParse(payload);
  if (!p.success || p.data.review.action === 'setKind') return undefined;
  // The full value travels only where the audit masks something of it.
  if (auditedValue(p.data.kind, p.data.review, p.data.review.value) === p.data.review.value) return undefined;
  return { documentId: p.data.documentId, field: p.data.review.field, value: p.data.review.value };
}

