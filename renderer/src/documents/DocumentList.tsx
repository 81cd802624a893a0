import { Button, Progress, Space, Tag, Typography, Upload } from 'antd';
import type { DocumentDesk, DocumentSummary } from '../../../shared/api/documents-api';
import { DOCUMENT_KIND_LABELS } from '../../../shared/documents/kinds';
import { useI18n } from '../i18n/I18nProvider';
import { L } from './labels';

interface Props {
  desk: DocumentDesk;
  selectedId: string | null;
  onSelect(id: string): void;
  uploading: number | null;
  onUpload(file: File): void;
  onRetry(doc: DocumentSummary): void;
  onCancel(doc: DocumentSummary): void;
}

function OcrState({ doc, onRetry, onCancel, canAct }: { doc: DocumentSummary; onRetry(): void; onCancel(): void; canAct: boolean }) {
  const { pick } = useI18n();
  const o = doc.ocr;
  switch (o.status) {
    case 'queued':
    case 'running':
      return (
        <div className="doc-item-progress">
          <Progress size="small" percent={Math.round(o.progress * 100)} status="active" data-testid={`doc-progress-${doc.seq}`} />
          <Space size={4}>
            <Typography.Text type="secondary">
              {o.status === 'queued' ? `${pick(L.queued)}${o.queuePosition ? ` #${o.queuePosition}` : ''}` : pick(L.running)}
            </Typography.Text>
            {canAct && (
              <Button size="small" type="link" data-testid={`doc-cancel-${doc.seq}`} onClick={onCancel}>
                {pick(L.cancel)}
              </Button>
            )}
          </Space>
        </div>
      );
    case 'done': {
      const doubtful = doc.fields.filter((f) => f.doubtful && f.status === 'recognised').length;
      const open = doc.fields.filter((f) => f.status === 'recognised').length;
      return (
        <Space size={4} wrap>
          <Tag color={open === 0 ? 'success' : 'processing'}>{open === 0 ? pick(L.confirmed) : pick(L.done)}</Tag>
          {doubtful > 0 && <Tag color="orange">{`${doubtful} ⚠`}</Tag>}
        </Space>
      );
    }
    case 'failed':
    case 'cancelled':
      return (
        <Space size={4} wrap>
          <Tag color={o.status === 'failed' ? 'error' : 'default'}>{pick(o.status === 'failed' ? L.failed : L.cancelled)}</Tag>
          {o.error && (
            <Typography.Text type="danger" data-testid={`doc-error-${doc.seq}`}>
              {pick(o.error)}
            </Typography.Text>
          )}
          {canAct && (
            <Button size="small" type="link" data-testid={`doc-retry-${doc.seq}`} onClick={onRetry}>
              {pick(L.retry)}
            </Button>
          )}
        </Space>
      );
  }
}

/** The case's documents with their recognition state, the required ones that are missing, and the upload. */
export function DocumentList({ desk, selectedId, onSelect, uploading, onUpload, onRetry, onCancel }: Props) {
  const { pick } = useI18n();
  return (
    <div className="doc-list" data-testid="doc-list">
      {desk.documents.length === 0 && <Typography.Text type="secondary">{pick(L.noDocuments)}</Typography.Text>}
      {desk.documents.map((d) => (
        <div
          key={d.id}
          role="button"
          tabIndex={0}
          data-testid={`doc-item-${d.seq}`}
          data-kind={d.kind}
          data-status={d.ocr.status}
          className={`doc-item${d.id === selectedId ? ' doc-item-selected' : ''}`}
          onClick={() => onSelect(d.id)}
          // Space, not Enter: Enter confirms the selected field everywhere on the desk.
          onKeyDown={(e) => e.key === ' ' && onSelect(d.id)}
        >
          <Typography.Text strong>{pick(DOCUMENT_KIND_LABELS[d.kind])}</Typography.Text>
          <Typography.Text type="secondary" ellipsis className="doc-item-file">
            {d.fileName} · {d.pages.length} {pick(L.page)}
          </Typography.Text>
          <OcrState doc={d} canAct={desk.canReview} onRetry={() => onRetry(d)} onCancel={() => onCancel(d)} />
        </div>
      ))}
      <div className="doc-checklist" data-testid="doc-checklist">
        <Typography.Text type="secondary">{pick(L.checklist)}</Typography.Text>
        <div>
          {desk.checklist.required.map((k) => {
            const missing = desk.checklist.missing.includes(k);
            return (
              <Tag key={k} color={missing ? 'error' : 'success'} data-testid={missing ? `checklist-missing-${k}` : `checklist-present-${k}`}>
                {missing ? `${pick(L.missing)} ` : '✓ '}
                {pick(DOCUMENT_KIND_LABELS[k])}
              </Tag>
            );
          })}
        </div>
      </div>
      {desk.canUpload && (
        <Upload.Dragger
          multiple
          showUploadList={false}
          accept=".jpg,.jpeg,.png,.tif,.tiff,.pdf"
          disabled={uploading !== null}
          beforeUpload={(file) => {
            onUpload(file);
            return false; // we send it ourselves, in chunks
          }}
          className="doc-upload"
          data-testid="doc-upload"
        >
          <Typography.Text type="secondary">{uploading !== null ? `${pick(L.uploading)} ${Math.round(uploading * 100)}%` : pick(L.upload)}</Typography.Text>
        </Upload.Dragger>
      )}
    </div>
  );
}
