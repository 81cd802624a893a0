import type { documentsApi } from '../../../../shared/api/documents-api';
import { must, type HandlerGroup, type Services } from '../handler-types';

/** Documents and OCR: the checking desk, uploads, reviews, recognition control, checklists. */
export function documentHandlers(s: Services): HandlerGroup<keyof typeof documentsApi> {
  const d = s.documents;
  return {
    'documents:desk': (input, session) => d.desk(must(session), input.caseId),
    'documents:page': (input, session) => d.page(must(session), input.documentId, input.page),
    'documents:uploadBegin': (input, session) => d.uploadBegin(must(session), input.caseId, input.fileName, input.sizeBytes),
    'documents:uploadChunk': (input, session) => d.uploadChunk(must(session), input.uploadId, input.index, input.dataBase64),
    'documents:uploadFinish': (input, session) => d.uploadFinish(must(session), input.uploadId, input.sha256),
    'documents:uploadAbort': (input, session) => d.uploadAbort(must(session), input.uploadId),
    'documents:reviewField': (input, session) => d.reviewField(must(session), input.documentId, input.field, input.action, input.value),
    'documents:setKind': (input, session) => d.setKind(must(session), input.documentId, input.kind),
    'documents:recognise': (input, session) => d.recognise(must(session), input.documentId),
    'documents:cancel': (input, session) => d.cancel(must(session), input.documentId),
    'checklist:get': (input, session) => {
      must(session);
      return d.checklist(input.productCode);
    },
    'checklist:update': (input, session) => d.updateChecklist(must(session), input.productCode, input.items),
  };
}
