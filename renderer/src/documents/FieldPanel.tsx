import { Alert, Button, Empty, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentField, DocumentSummary } from '../../../shared/api/documents-api';
import { displayFieldValue } from '../../../shared/documents/field-values';
import { FIELD_DEFS, fieldDef } from '../../../shared/documents/fields';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../../shared/documents/kinds';
import { useI18n } from '../i18n/I18nProvider';
import { L } from './labels';

interface Props {
  document: DocumentSummary;
  selected: number;
  onSelect(index: number): void;
  /** The field being corrected (its input is open). */
  editing: string | null;
  onEdit(key: string | null): void;
  canReview: boolean;
  busy: boolean;
  onConfirm(field: DocumentField): void;
  onCorrect(field: DocumentField, value: string): void;
  onKind(kind: DocumentKind): void;
}

function confidenceColour(f: DocumentField): string {
  if (f.problems.length > 0) return 'red';
  return f.doubtful ? 'orange' : 'green';
}

function StatusTag({ field }: { field: DocumentField }) {
  const { pick } = useI18n();
  if (field.status === 'confirmed') return <Tag color="success">{pick(L.confirmed)}</Tag>;
  if (field.status === 'corrected') return <Tag color="blue">{pick(L.corrected)}</Tag>;
  return <Tag>{pick(L.unreviewed)}</Tag>;
}

function CorrectionInput({ field, busy, onSave, onCancel }: { field: DocumentField; busy: boolean; onSave(v: string): void; onCancel(): void }) {
  const { pick } = useI18n();
  const [value, setValue] = useState(field.value);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Space.Compact className="doc-field-edit">
      <Input
        ref={(el) => {
          ref.current = el?.input ?? null;
        }}
        data-testid={`field-input-${field.key}`}
        value={value}
        maxLength={500}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => onSave(value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <Button type="primary" loading={busy} data-testid={`field-save-${field.key}`} onClick={() => onSave(value)}>
        {pick(L.save)}
      </Button>
    </Space.Compact>
  );
}

/**
 * The recognised fields of one document beside its image: doubtful values (low confidence or failing their
 * check) are highlighted; each can be confirmed or corrected by the clerk holding the case.
 */
export function FieldPanel(p: Props) {
  const { pick, lang } = useI18n();
  const doc = p.document;
  const defs = FIELD_DEFS[doc.kind];
  return (
    <div className="doc-fields" data-testid="doc-fields">
      <Space className="doc-kind" wrap>
        <Typography.Text type="secondary">{pick(L.kind)}</Typography.Text>
        <Select
          size="small"
          data-testid="doc-kind-select"
          value={doc.kind}
          disabled={!p.canReview || p.busy}
          style={{ minWidth: 170 }}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: pick(DOCUMENT_KIND_LABELS[k]) }))}
          onChange={(k: DocumentKind) => p.onKind(k)}
        />
        {doc.kindSource === 'clerk' && <Tag>{pick(L.kindByClerk)}</Tag>}
      </Space>
      {doc.ocr.status !== 'done' ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pick(L.waiting)} />
      ) : defs.length === 0 ? null : (
        <div className="doc-field-list" role="list">
          {doc.fields.map((f, i) => {
            const def = fieldDef(doc.kind, f.key);
            const label = def ? pick({ zh: def.zh, en: def.en }) : f.key;
            const shown = def && f.value ? displayFieldValue(def.type, f.value, lang === 'en-US') : f.value;
            return (
              <div
                key={f.key}
                role="listitem"
                data-testid={`field-row-${f.key}`}
                data-status={f.status}
                data-doubtful={f.doubtful ? 'true' : 'false'}
                className={`doc-field${i === p.selected ? ' doc-field-selected' : ''}${f.doubtful && f.status === 'recognised' ? ' doc-field-doubtful' : ''}`}
                onClick={() => p.onSelect(i)}
              >
                <div className="doc-field-head">
                  <Typography.Text strong>{label}</Typography.Text>
                  <Space size={4}>
                    <Tooltip title={f.doubtful ? pick(L.lowConfidence) : `${pick(L.confidence)} ${f.confidence}`}>
                      <Tag color={confidenceColour(f)}>{f.confidence}</Tag>
                    </Tooltip>
                    <StatusTag field={f} />
                  </Space>
                </div>
                {p.editing === f.key ? (
                  <CorrectionInput field={f} busy={p.busy} onSave={(v) => p.onCorrect(f, v)} onCancel={() => p.onEdit(null)} />
                ) : (
                  <div className="doc-field-value">
                    <span data-testid={`field-value-${f.key}`} className={def?.type === 'idNumber' || def?.type === 'creditCode' ? 'mono' : undefined}>
                      {shown || <Typography.Text type="secondary">{pick(L.notFound)}</Typography.Text>}
                    </span>
                    {p.canReview && (
                      <Space size={4}>
                        <Button size="small" data-testid={`field-confirm-${f.key}`} disabled={p.busy || !f.value} onClick={(e) => { e.stopPropagation(); p.onConfirm(f); }}>
                          {pick(L.confirm)}
                        </Button>
                        <Button size="small" data-testid={`field-correct-${f.key}`} disabled={p.busy} onClick={(e) => { e.stopPropagation(); p.onSelect(i); p.onEdit(f.key); }}>
                          {pick(L.correct)}
                        </Button>
                      </Space>
                    )}
                  </div>
                )}
                {f.status === 'corrected' && f.ocrValue !== f.value && (
                  <Typography.Text type="secondary" className="doc-field-was">
                    {pick(L.recognisedAs)}: {def && f.ocrValue ? displayFieldValue(def.type, f.ocrValue, lang === 'en-US') : f.ocrRaw || '—'}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </div>
      )}
      {!p.canReview && doc.ocr.status === 'done' && <Alert type="info" showIcon title={pick(L.readOnly)} className="doc-fields-note" />}
    </div>
  );
}
