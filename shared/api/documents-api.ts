import { z } from 'zod';
import { CROSS_CHECK_IDS } from '../documents/cross-checks';
import { DOCUMENT_KINDS } from '../documents/kinds';
import { BilingualText, Id, IsoTime, ProductCode } from './schemas';

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
const DocumentId = z.string().regex(/^d-[A-Za-z0-9_-]{1,60}$/, 'document id');
const UploadId = z.string().regex(/^u-[A-Za-z0-9_-]{1,60}$/, 'upload id');
const FieldKey = z.string().regex(/^[A-Za-z]{1,40}$/);
const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });

/** One recognised field as the checking desk shows it. Identifiers are masked for viewers without pii.view. */
export const DocumentField = z.object({
  key: z.string(),
  /** Current value: the clerk's if reviewed, else the recognised one (canonical form, see FieldType). */
  value: z.string(),
  /** What the machine read: canonical value and the text as recognised. */
  ocrValue: z.string(),
  ocrRaw: z.string(),
  /** 0–100. */
  confidence: z.number(),
  /** Problems of the recognised value (format, check_digit, …). */
  problems: z.array(z.string()),
  /** The value needs the clerk's eye: low confidence or a problem. */
  doubtful: z.boolean(),
  status: z.enum(['recognised', 'confirmed', 'corrected']),
  source: z.enum(['ocr', 'reread']),
  page: z.number().int(),
  /** Where the value is on its page, in the page image's pixels. */
  bbox: Box.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: IsoTime.nullable(),
});
export type DocumentField = z.infer<typeof DocumentField>;

export const OcrStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const DocumentSummary = z.object({
  id: DocumentId,
  caseId: Id,
  seq: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  pages: z.array(z.object({ page: z.number().int(), width: z.number().int(), height: z.number().int() })),
  uploadedByName: z.string(),
  uploadedAt: IsoTime,
  kind: DocumentKindSchema,
  kindSource: z.enum(['detected', 'clerk']),
  /** 0–1 evidence for a detected kind. */
  kindScore: z.number().nullable(),
  ocr: z.object({
    status: OcrStatusSchema,
    /** 0–1 while running. */
    progress: z.number(),
    /** Place in the OCR queue (1 = next) while queued. */
    queuePosition: z.number().int().nullable(),
    /** Why recognition failed, in both languages (null unless failed). */
    error: BilingualText.nullable(),
    ms: z.number().int().nullable(),
  }),
  fields: z.array(DocumentField),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const CheckResultSchema = z.object({
  id: z.enum(CROSS_CHECK_IDS),
  status: z.enum(['pass', 'warn', 'fail']),
  zh: z.string(),
  en: z.string(),
  evidence: z.array(
    z.object({
      documentId: z.string().nullable(),
      field: z.string(),
      ocrValue: z.string().nullable(),
      applicationValue: z.string().nullable(),
      confidence: z.number().nullable(),
    }),
  ),
});
export type CheckResultOut = z.infer<typeof CheckResultSchema>;

export const DocumentDesk = z.object({
  caseId: Id,
  productCode: ProductCode,
  documents: z.array(DocumentSummary),
  checklist: z.object({ required: z.array(DocumentKindSchema), missing: z.array(DocumentKindSchema) }),
  crossChecks: z.array(CheckResultSchema),
  /** Documents still waiting for or in recognition: the desk polls while this is above zero. */
  pendingOcr: z.number().int(),
  /** The viewer may review fields (holds the case in 资料审核). */
  canReview: z.boolean(),
  /** The viewer may add documents to this case now. */
  canUpload: z.boolean(),
  maxUploadBytes: z.number().int(),
});
export type DocumentDesk = z.infer<typeof DocumentDesk>;

const ChecklistItemSchema = z.strictObject({ kind: DocumentKindSchema, enterpriseOnly: z.boolean() });
export const ChecklistOut = z.object({
  productCode: ProductCode,
  version: z.number().int(),
  items: z.array(z.object({ kind: DocumentKindSchema, enterpriseOnly: z.boolean() })),
});

const DocRef = z.strictObject({ documentId: DocumentId });
/** Base64 of at most 512 KiB per chunk, so a chunk fits the browser-mode request limit (1 MiB). */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
const Base64Chunk = z.string().min(4).max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/** Documents and OCR: intake, recognition, the clerk's review, cross-checks, required-document checklists. */
export const documentsApi = {
  /**
   * Everything the checking desk shows for a case: its documents with recognition status and fields, the
   * required documents and which are missing, and the cross-checks against the application. Demo cases get
   * their documents (as uploaded by the branch) the first time this is asked for.
   */
  'documents:desk': { input: z.strictObject({ caseId: Id }), output: DocumentDesk },
  /** One page image of a document (integrity-checked when read from the store). */
  'documents:page': {
    input: z.strictObject({ documentId: DocumentId, page: z.number().int().min(1).max(50) }),
    output: z.object({ mime: z.string(), dataBase64: z.string(), width: z.number().int(), height: z.number().int() }),
  },
  /** Starts an upload to a case; the file then comes in chunks of UPLOAD_CHUNK_BYTES. Size limit checked here. */
  'documents:uploadBegin': {
    input: z.strictObject({ caseId: Id, fileName: z.string().trim().min(1).max(200), sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
    output: z.object({ uploadId: UploadId, chunkBytes: z.number().int(), maxBytes: z.number().int() }),
  },
  /** One chunk of an upload, in order from 0. */
  'documents:uploadChunk': {
    input: z.strictObject({ uploadId: UploadId, index: z.number().int().min(0).max(100_000), dataBase64: Base64Chunk }),
    output: z.object({ receivedBytes: z.number().int() }),
  },
  /**
   * Ends an upload: the sha256 the client computed must match what arrived; then the file is checked (type
   * by its bytes, decodable, not too large), stored, added to the case (audited) and queued for OCR.
   */
  'documents:uploadFinish': {
    input: z.strictObject({ uploadId: UploadId, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: z.object({ document: DocumentSummary, duplicate: z.boolean() }),
  },
  /** Abandons an upload; its partial file is removed. */
  'documents:uploadAbort': { input: z.strictObject({ uploadId: UploadId }), output: z.object({ aborted: z.boolean() }) },
  /** 确认 / 更正: the clerk confirms the recognised value of a field or corrects it (audited). */
  'documents:reviewField': {
    input: z.strictObject({ documentId: DocumentId, field: FieldKey, action: z.enum(['confirm', 'correct']), value: z.string().max(500).optional() }),
    output: DocumentSummary,
  },
  /** The clerk corrects the kind of a document (audited); its fields are read again for that kind. */
  'documents:setKind': { input: z.strictObject({ documentId: DocumentId, kind: DocumentKindSchema }), output: DocumentSummary },
  /** Recognise a document again (after a failure or cancellation). */
  'documents:recognise': { input: DocRef, output: DocumentSummary },
  /** Cancel a document's recognition (queued: at once; running: at its next step). */
  'documents:cancel': { input: DocRef, output: DocumentSummary },
  /** Required documents of a product. */
  'checklist:get': { input: z.strictObject({ productCode: ProductCode }), output: ChecklistOut },
  /** Administrator: replace the required documents of a product (versioned, audited). */
  'checklist:update': {
    input: z.strictObject({ productCode: ProductCode, items: z.array(ChecklistItemSchema).min(1).max(20) }),
    output: ChecklistOut,
  },
} as const;
