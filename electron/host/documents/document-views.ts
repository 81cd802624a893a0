import type { DocumentField, DocumentSummary } from '../../../shared/api/documents-api';
import type { CheckedDocument, CheckResult } from '../../../shared/documents/cross-checks';
import type { ValueProblem } from '../../../shared/documents/field-values';
import { fieldDef, isSensitiveField, LOW_CONFIDENCE } from '../../../shared/documents/fields';
import { maskBirthDate, maskIdentifier, maskIdentifiersIn } from '../../../shared/domain/masking';
import type { DocumentRepo, DocumentRow, FieldRow } from './document-repo';

/** Turns stored rows into what the checking desk shows, masking identifiers for viewers without pii.view. */
export function fieldView(doc: DocumentRow, f: FieldRow, pii: boolean): DocumentField {
  const def = fieldDef(doc.kind, f.field);
  const sensitive = def ? isSensitiveField(def.type) : false;
  // The birth date on an ID card is the middle of the identity number: masked with it (maskBirthDate).
  const mask = (v: string) => (pii || !v ? v : sensitive ? maskIdentifier(v) : f.field === 'birthDate' ? maskBirthDate(v) : v);
  const problems = f.ocrProblems as ValueProblem[];
  return {
    key: f.field,
    value: mask(f.value),
    ocrValue: mask(f.ocrValue),
    ocrRaw: mask(f.ocrRaw),
    confidence: Math.round(f.ocrConfidence),
    problems,
    doubtful: f.ocrConfidence < LOW_CONFIDENCE || problems.length > 0,
    status: f.status,
    source: f.ocrSource,
    page: f.pageNo,
    bbox: f.bbox,
    reviewedByName: f.reviewedByName,
    reviewedAt: f.reviewedAt,
  };
}

export function documentView(
  repo: DocumentRepo,
  doc: DocumentRow,
  pii: boolean,
  ocr: { progress: number; position: number | null },
): DocumentSummary {
  return {
    id: doc.id,
    caseId: doc.caseId,
    seq: doc.seq,
    // Branches often name a scan after the identity number it shows.
    fileName: pii ? doc.fileName : maskIdentifiersIn(doc.fileName),
    mime: doc.mime,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    pages: repo.pages(doc.id).map((p) => ({ page: p.pageNo, width: p.width, height: p.height })),
    uploadedByName: doc.uploadedByName,
    uploadedAt: doc.uploadedAt,
    kind: doc.kind,
    kindSource: doc.kindSource,
    kindScore: doc.kindScore,
    ocr: {
      status: doc.ocrStatus,
      progress: doc.ocrStatus === 'done' ? 1 : doc.ocrStatus === 'running' ? ocr.progress : 0,
      queuePosition: doc.ocrStatus === 'queued' ? ocr.position : null,
      error: doc.ocrStatus === 'failed' ? doc.ocrError : null,
      ms: doc.ocrMs,
    },
    fields: doc.ocrStatus === 'done' ? repo.fields(doc.id).map((f) => fieldView(doc, f, pii)) : [],
  };
}

/** The documents as the cross-checks read them (unmasked: the checks compare real values). */
export function checkedDocuments(repo: DocumentRepo, docs: readonly DocumentRow[]): CheckedDocument[] {
  return docs
    .filter((d) => d.ocrStatus === 'done')
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      fields: repo.fields(d.id).map((f) => ({ key: f.field, value: f.value, confidence: f.ocrConfidence, status: f.status })),
    }));
}

/** Cross-check evidence with identifiers masked for viewers without pii.view. */
export function maskEvidence(results: CheckResult[], pii: boolean): CheckResult[] {
  if (pii) return results;
  const sensitive = new Set(['idNumber', 'creditCode']);
  return results.map((r) => ({
    ...r,
    evidence: r.evidence.map((e) =>
      sensitive.has(e.field)
        ? { ...e, ocrValue: e.ocrValue && maskIdentifier(e.ocrValue), applicationValue: e.applicationValue && maskIdentifier(e.applicationValue) }
        : e,
    ),
  }));
}
