import { Space, Spin, Tag, Typography } from 'antd';
import { DOCUMENT_KIND_LABELS } from '../../../shared/documents/kinds';
import { useI18n } from '../i18n/I18nProvider';
import { CrossChecks } from './CrossChecks';
import { L } from './labels';
import { useDesk } from './useDesk';

/**
 * The documents and cross-checks as evidence beside an approval decision (the approval panel's documents
 * slot): which documents the case has, what is missing, and the checks that did not pass first.
 */
export function DocumentEvidence({ caseId, caseVersion }: { caseId: string; caseVersion: number }) {
  const { pick, errorText } = useI18n();
  const { desk, error } = useDesk(caseId, caseVersion);
  if (error) return <Typography.Text type="secondary">{errorText(error)}</Typography.Text>;
  if (!desk) return <Spin size="small" />;
  const problems = desk.crossChecks.filter((c) => c.status !== 'pass');
  return (
    <div data-testid="document-evidence">
      <Space wrap size={4}>
        {desk.documents.map((d) => (
          <Tag key={d.id} color={d.ocr.status === 'done' ? 'default' : 'processing'}>
            {pick(DOCUMENT_KIND_LABELS[d.kind])}
          </Tag>
        ))}
        {desk.checklist.missing.map((k) => (
          <Tag key={k} color="error">
            {pick(L.missing)} {pick(DOCUMENT_KIND_LABELS[k])}
          </Tag>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" className="doc-evidence-summary">
        {pick(L.checks)}: {desk.crossChecks.filter((c) => c.status === 'pass').length} ✓ · {desk.crossChecks.filter((c) => c.status === 'warn').length} ! ·{' '}
        {desk.crossChecks.filter((c) => c.status === 'fail').length} ✗
      </Typography.Paragraph>
      {problems.length > 0 && <CrossChecks checks={problems} documents={desk.documents} />}
    </div>
  );
}
