import type { DocumentSummary } from '../../../shared/api/documents-api';
import type { Result } from '../../../shared/errors';
import { fail } from '../../../shared/errors';
import { client } from '../api';

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments; stay well below the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file to the host in chunks (a browser-mode request is at most 1 MiB) with its sha256, so the host
 * can tell a file damaged in transfer. The size limit is checked by the host before the first chunk.
 */
export async function uploadDocument(caseId: string, file: File, onProgress?: (fraction: number) => void): Promise<Result<{ document: DocumentSummary; duplicate: boolean }>> {
  const begin = await client.call('documents:uploadBegin', { caseId, fileName: file.name || 'document', sizeBytes: file.size });
  if (!begin.ok) return begin;
  const { uploadId, chunkBytes } = begin.value;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const digest = hex(await crypto.subtle.digest('SHA-256', bytes));
    for (let at = 0, index = 0; at < bytes.length; at += chunkBytes, index++) {
      const r = await client.call('documents:uploadChunk', { uploadId, index, dataBase64: base64(bytes.subarray(at, at + chunkBytes)) });
      if (!r.ok) {
        void client.call('documents:uploadAbort', { uploadId });
        return r;
      }
      onProgress?.(Math.min(1, (at + chunkBytes) / bytes.length));
    }
    return await client.call('documents:uploadFinish', { uploadId, sha256: digest });
  } catch {
    void client.call('documents:uploadAbort', { uploadId });
    return fail('validation', '无法读取所选文件', 'The chosen file could not be read');
  }
}
