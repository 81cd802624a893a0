import { Space, Tag, Typography } from 'antd';
import type { CheckResultOut, DocumentDesk } from '../../../shared/api/documents-api';
import { displayValueOf } from '../../../shared/documents/field-values';
import { useI18n } from '../i18n/I18nProvider';
import { L } from './labels';

const ICON = { pass: '✓', warn: '!', fail: '✗' } as const;
const COLOUR = { pass: 'success', warn: 'warning', fail: 'error' } as const;

/** Cross-checks of the documents against the application, each with its evidence. */
export function CrossChecks({ checks, documents }: { checks: CheckResultOut[]; documents: DocumentDesk['documents'] }) {
  const { pick, lang } = useI18n();
  // A recognised value as the field panel shows it (a period, an amount), by the field of its document.
  const shown = (documentId: string | null, field: string, v: string) => {
    const kind = documents.find((d) => d.id === documentId)?.kind;
    return kind ? displayValueOf(kind, field, v, lang === 'en-US') : v;
  };
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <div className="doc-checks" data-testid="doc-checks">
      {sorted.map((c) => (
        <div key={c.id} className={`doc-check doc-check-${c.status}`} data-testid={`crosscheck-${c.id}`} data-status={c.status}>
          <Tag color={COLOUR[c.status]}>
            {ICON[c.status]} {pick(L[c.status])}
          </Tag>
          <Typography.Text>{pick(c)}</Typography.Text>
          {c.evidence
            .filter((e) => e.ocrValue !== null || e.applicationValue !== null)
            .map((e) => (
              <Space key={e.field} size={8} className="doc-check-evidence" wrap>
                {e.ocrValue !== null && (
                  <Typography.Text type="secondary">
                    {pick(L.recognisedAs)}: <span className="mono">{shown(e.documentId, e.field, e.ocrValue)}</span>
                  </Typography.Text>
                )}
                {e.applicationValue !== null && (
                  <Typography.Text type="secondary">
                    {pick(L.application)}: <span className="mono">{e.applicationValue}</span>
                  </Typography.Text>
                )}
                {e.confidence !== null && (
                  <Typography.Text type="secondary">
                    {pick(L.confidence)} {Math.round(e.confidence)}
                  </Typography.Text>
                )}
              </Space>
            ))}
        </div>
      ))}
    </div>
  );
}
