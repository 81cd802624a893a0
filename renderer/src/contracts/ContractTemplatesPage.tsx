import { Alert, App, Button, Card, Collapse, Input, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TemplateOverview } from '../../../shared/api/contracts-api';
import { DOC_TYPE_LABELS, type TemplateBody } from '../../../shared/contracts/template-model';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { CONTRACT_TEXT } from './contract-text';
import { base64ToBytes } from './pdf-document';
import { PdfPreview } from './PdfPreview';
import './contracts.css';
import type { Label } from '../../../shared/domain/label';

type DocType = TemplateBody['docType'];

/** Administrator: contract wording as data, previewed on a sample case and saved as a new version. */
export function ContractTemplatesPage() {
  const tx = useLabels(CONTRACT_TEXT);
  const { pick, errorText } = useI18n();
  const { message } = App.useApp();
  const [overview, setOverview] = useState<TemplateOverview | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [docType, setDocType] = useState<DocType>('loan');
  const [drafts, setDrafts] = useState<Partial<Record<DocType, string>>>({});
  // Kept as what went wrong, worded when shown: a language switch re-words it.
  const [problem, setProblem] = useState<{ badJson: string } | { refused: AppError } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [preview, setPreview] = useState<Uint8Array | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('contractTemplate:list', {});
    if (!result.ok) return setLoadError(result.error);
    setLoadError(null);
    setOverview(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (loadError && !overview) return <div className="page"><PageError error={loadError} onRetry={() => void load()} /></div>;
  if (!overview) return <div className="page"><Skeleton active paragraph={{ rows: 8 }} /></div>;

  const current = overview.templates.find((t) => t.docType === docType)!;
  const pristine = JSON.stringify(current.current.body, null, 2);
  const draft = drafts[docType] ?? pristine;

  /** The draft as a template body, or a message saying why it is not one (the host checks the rest). */
  const parsed = (): { body: TemplateBody } | null => {
    try {
      return { body: JSON.parse(draft) as TemplateBody };
    } catch (e) {
      setProblem({ badJson: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const refusal = (error: AppError) => setProblem({ refused: error });
  /** The host's refusal lists each problem of the template when it found several. */
  const refusalText = (error: AppError) => {
    const problems = (error.details?.problems as Label[] | undefined) ?? [];
    return problems.length ? problems.map((p) => pick(p)).join('\n') : errorText(error);
  };
  const doPreview = async () => {
    const input = parsed();
    if (!input) return;
    setBusy('preview');
    const result = await client.call('contractTemplate:preview', input);
    setBusy(null);
    if (!result.ok) return refusal(result.error);
    setProblem(null);
    setPreview(base64ToBytes(result.value.base64));
  };
  const doSave = async () => {
    const input = parsed();
    if (!input) return;
    setBusy('save');
    const result = await client.call('contractTemplate:save', input);
    setBusy(null);
    if (!result.ok) return refusal(result.error);
    setProblem(null);
    void message.success(tx('savedVersion', { version: result.value.version }));
    setDrafts((d) => ({ ...d, [docType]: undefined }));
    await load();
  };

  return (
    <div className="page" data-testid="contract-templates-page">
      <Typography.Title level={4} className="page-title">
        {tx('templatesTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{tx('templatesIntro')}</Typography.Paragraph>
      <Tabs
        activeKey={docType}
        onChange={(k) => {
          setDocType(k as DocType);
          setProblem(null);
          setPreview(null);
        }}
        items={overview.templates.map((t) => ({ key: t.docType, label: `${pick(DOC_TYPE_LABELS[t.docType])} · v${t.current.version}` }))}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          size="small"
          title={<span data-testid="template-current" data-version={current.current.version}>{tx('currentVersion', { version: current.current.version })}</span>}
          extra={
            <Space>
              <Button loading={busy === 'preview'} data-testid="template-preview" onClick={() => void doPreview()}>
                {tx('checkPreview')}
              </Button>
              <Button type="primary" loading={busy === 'save'} disabled={draft === pristine} data-testid="template-save" onClick={() => void doSave()}>
                {tx('saveVersion')}
              </Button>
              <Button disabled={draft === pristine} onClick={() => setDrafts((d) => ({ ...d, [docType]: undefined }))}>
                {tx('discard')}
              </Button>
            </Space>
          }
        >
          {problem && <Alert type="error" showIcon style={{ marginBottom: 12, whiteSpace: 'pre-line' }} data-testid="template-problem" title={'badJson' in problem ? tx('badJson', { reason: problem.badJson }) : refusalText(problem.refused)} />}
          <Typography.Text strong>{tx('editJson')}</Typography.Text>
          <Input.TextArea
            className="contract-template-json"
            data-testid="template-json"
            value={draft}
            autoSize={{ minRows: 18, maxRows: 36 }}
            spellCheck={false}
            onChange={(e) => setDrafts((d) => ({ ...d, [docType]: e.target.value }))}
          />
        </Card>
        <Collapse
          items={[
            {
              key: 'placeholders',
              label: tx('placeholders'),
              children: (
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  dataSource={overview.placeholders.filter((p) => p.docTypes.includes(docType))}
                  columns={[
                    { title: tx('placeholder'), dataIndex: 'name', render: (v: string) => <span className="contract-mono">{`{{${v}}}`}</span> },
                    { title: tx('meaning'), key: 'meaning', render: (_, p) => pick(p) },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: tx('history'),
              children: (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={current.versions}
                  columns={[
                    { title: tx('version'), dataIndex: 'version', render: (v: number) => `v${v}` },
                    { title: tx('source'), dataIndex: 'source', render: (v: string) => <Tag>{v === 'shipped' ? tx('shipped') : tx('admin')}</Tag> },
                    { title: tx('createdBy'), dataIndex: 'createdByName', render: (v: string | null) => v ?? '—' },
                    { title: tx('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
                  ]}
                />
              ),
            },
          ]}
        />
        {preview && (
          <Card size="small" title={tx('preview')}>
            <PdfPreview bytes={preview} />
          </Card>
        )}
      </Space>
    </div>
  );
}
