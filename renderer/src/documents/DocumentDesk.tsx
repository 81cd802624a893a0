import { Alert, App, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentField, DocumentSummary } from '../../../shared/api/documents-api';
import type { DocumentKind } from '../../../shared/documents/kinds';
import type { Result } from '../../../shared/errors';
import { client } from '../api';
import { useShortcuts } from '../hooks/useShortcuts';
import { useI18n } from '../i18n/I18nProvider';
import { CrossChecks } from './CrossChecks';
import { DocumentList } from './DocumentList';
import { FieldPanel } from './FieldPanel';
import { ImageViewer, type ViewState } from './ImageViewer';
import { L } from './labels';
import { uploadDocument } from './upload';
import { useDesk } from './useDesk';
import './documents.css';

const FIT: ViewState = { zoom: null, turns: 0, page: 1 };

/**
 * 资料审核台 on the case page: the documents with their recognition state, the image beside its recognised
 * fields (doubtful ones highlighted, each confirmed or corrected — audited by the host), the cross-checks
 * against the application and the required documents. Pass and return stay the case page's actions (P, B).
 */
export function DocumentDesk({ caseId, caseVersion, shortcutsEnabled }: { caseId: string; caseVersion: number; shortcutsEnabled: boolean }) {
  const { pick, errorText } = useI18n();
  const { message } = App.useApp();
  const { desk, error, reload } = useDesk(caseId, caseVersion);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fieldIndex, setFieldIndex] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [view, setView] = useState<ViewState>(FIT);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<number | null>(null);

  const docs = useMemo(() => desk?.documents ?? [], [desk]);
  const doc = docs.find((d) => d.id === selectedId) ?? docs[0] ?? null;
  useEffect(() => {
    if (!selectedId && docs[0]) setSelectedId(docs[0].id);
  }, [docs, selectedId]);

  const selectDoc = useCallback((id: string) => {
    setSelectedId(id);
    setFieldIndex(0);
    setEditing(null);
    setView(FIT);
  }, []);

  const act = useCallback(
    async (call: () => Promise<Result<unknown>>, after?: () => void) => {
      setBusy(true);
      const r = await call();
      setBusy(false);
      if (!r.ok) {
        void message.error(errorText(r.error));
        return false;
      }
      after?.();
      await reload();
      return true;
    },
    [errorText, message, reload],
  );

  const fields = doc?.ocr.status === 'done' ? doc.fields : [];
  const nextOpen = (from: number) => {
    const i = fields.findIndex((f, k) => k > from && f.status === 'recognised');
    return i >= 0 ? i : Math.min(from + 1, Math.max(fields.length - 1, 0));
  };
  const confirm = (f: DocumentField) =>
    doc && void act(() => client.call('documents:reviewField', { documentId: doc.id, field: f.key, action: 'confirm' }), () => setFieldIndex(nextOpen(fields.indexOf(f))));
  const correct = (f: DocumentField, value: string) =>
    doc &&
    void act(
      () => client.call('documents:reviewField', { documentId: doc.id, field: f.key, action: 'correct', value }),
      () => {
        setEditing(null);
        setFieldIndex(nextOpen(fields.indexOf(f)));
      },
    );
  const setKind = (kind: DocumentKind) => doc && void act(() => client.call('documents:setKind', { documentId: doc.id, kind }));
  const retry = (d: DocumentSummary) => void act(() => client.call('documents:recognise', { documentId: d.id }));
  const cancel = (d: DocumentSummary) => void act(() => client.call('documents:cancel', { documentId: d.id }));

  const upload = async (file: File) => {
    setUploading(0);
    const r = await uploadDocument(caseId, file, setUploading);
    setUploading(null);
    if (!r.ok) return void message.error(`${file.name}: ${errorText(r.error)}`);
    void message.success(pick(r.value.duplicate ? L.duplicate : L.uploaded));
    setSelectedId(r.value.document.id);
    await reload();
  };

  const canReview = desk?.canReview ?? false;
  const stepDoc = (delta: number) => {
    if (!doc || docs.length === 0) return;
    const at = docs.indexOf(doc);
    selectDoc(docs[(at + delta + docs.length) % docs.length]!.id);
  };
  const zoomBy = (factor: number) => setView((v) => ({ ...v, zoom: Math.min(4, Math.max(0.1, (v.zoom ?? 0.6) * factor)) }));
  useShortcuts(
    {
      j: () => setFieldIndex((i) => Math.min(i + 1, Math.max(fields.length - 1, 0))),
      k: () => setFieldIndex((i) => Math.max(i - 1, 0)),
      Enter: () => canReview && !busy && fields[fieldIndex] && confirm(fields[fieldIndex]!),
      e: () => canReview && fields[fieldIndex] && setEditing(fields[fieldIndex]!.key),
      '[': () => stepDoc(-1),
      ']': () => stepDoc(1),
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
      '0': () => setView((v) => ({ ...v, zoom: null })),
      '.': () => setView((v) => ({ ...v, turns: (v.turns + 1) % 4 })),
    },
    shortcutsEnabled && editing === null,
  );

  if (error && !desk) return <Alert type="warning" showIcon title={errorText(error)} data-testid="doc-desk-error" />;
  if (!desk) {
    return (
      <Card size="small" title={pick(L.title)}>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  const field = fields[fieldIndex];
  const highlight = field?.bbox && field.page === view.page ? field.bbox : null;
  return (
    <Card size="small" title={pick(L.title)} className="doc-desk" data-testid="doc-desk" extra={<Typography.Text type="secondary">{pick(L.legend)}</Typography.Text>}>
      <Row gutter={12}>
        <Col xs={24} lg={5}>
          <DocumentList desk={desk} selectedId={doc?.id ?? null} onSelect={selectDoc} uploading={uploading} onUpload={(f) => void upload(f)} onRetry={retry} onCancel={cancel} />
        </Col>
        <Col xs={24} lg={11}>
          <ImageViewer document={doc} view={view} onView={setView} highlight={highlight} />
        </Col>
        <Col xs={24} lg={8}>
          {doc && (
            <FieldPanel
              document={doc}
              selected={fieldIndex}
              onSelect={setFieldIndex}
              editing={editing}
              onEdit={setEditing}
              canReview={canReview}
              busy={busy}
              onConfirm={confirm}
              onCorrect={correct}
              onKind={setKind}
            />
          )}
        </Col>
      </Row>
      <Typography.Title level={5} className="doc-section-title">
        {pick(L.checks)}
      </Typography.Title>
      <CrossChecks checks={desk.crossChecks} documents={desk.documents} />
    </Card>
  );
}
