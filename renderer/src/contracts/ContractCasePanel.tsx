import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ContractDesk } from '../../../shared/api/contracts-api';
import { capitalAmount } from '../../../shared/contracts/capital-amount';
import { formatRateBp } from '../../../shared/contracts/contract-values';
import { REPAYMENT_METHOD_LABELS } from '../../../shared/contracts/repayment-schedule';
import { DOC_TYPE_LABELS } from '../../../shared/contracts/template-model';
import type { AppError, Result } from '../../../shared/errors';
import { STATE_LABELS } from '../../../shared/workflow/states';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatFen } from '../format/money';
import { useCasesChanged } from '../hooks/useCasesChanged';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { useUser } from '../session/SessionProvider';
import { CONTRACT_TEXT, ID_KIND_LABELS, PARTY_ROLE_LABELS } from './contract-text';
import { ContractVersions } from './ContractVersions';
import { base64ToBytes, downloadPdf, printPdf } from './pdf-document';
import { PdfPreview } from './PdfPreview';

type Busy = 'claim' | 'release' | 'generate' | 'record' | 'pdf' | null;

/** One approved case at the desk: the decision it must print, its parties, and its contract versions. */
export function ContractCasePanel({ caseId }: { caseId: string }) {
  const tx = useLabels(CONTRACT_TEXT);
  const { pick, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const user = useUser();
  const [desk, setDesk] = useState<ContractDesk | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [preview, setPreview] = useState<{ version: number; fileName: string; bytes: Uint8Array<ArrayBuffer> } | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('contract:desk', { caseId });
    if (!result.ok) return setLoadError(result.error);
    setLoadError(null);
    setDesk(result.value);
  }, [caseId]);

  useEffect(() => {
    setDesk(null);
    setPreview(null);
    void load();
  }, [load]);
  useCasesChanged((changes) => {
    if (changes.length === 0 || changes.some((c) => c.caseId === caseId)) void load();
  });

  /** Runs an action, shows the host's refusal as is, and reloads the case either way. */
  const run = async <T,>(what: Busy, call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(what);
    const result = await call();
    setBusy(null);
    if (!result.ok) {
      void message.error(errorText(result.error));
      void load();
      return null;
    }
    return result.value;
  };

  const fetchPdf = async (version: number) => {
    const pdf = await run('pdf', () => client.call('contract:pdf', { caseId, version }));
    return pdf ? { version, fileName: pdf.fileName, bytes: base64ToBytes(pdf.base64) } : null;
  };
  const showPreview = async (version: number) => setPreview(await fetchPdf(version));
  const download = async (version: number) => {
    const pdf = await fetchPdf(version);
    if (pdf) downloadPdf(pdf.bytes, pdf.fileName);
  };
  const generate = async () => {
    const v = await run('generate', () => client.call('contract:generate', { caseId }));
    if (!v) return;
    void message.success(tx('generated', { version: v.version }));
    await load();
    await showPreview(v.version);
  };
  const record = (version: number) =>
    modal.confirm({
      title: tx('record'),
      content: tx('recordConfirm', { version }),
      onOk: async () => {
        const done = await run('record', () => client.call('contract:record', { caseId, version }));
        if (done) void message.success(tx('recordedDone'));
        await load();
      },
    });

  if (loadError && !desk) return <PageError error={loadError} onRetry={() => void load()} />;
  if (!desk) return <Skeleton active paragraph={{ rows: 8 }} />;

  const mine = desk.assigneeId === user.id;
  const approved = desk.state === 'approved';
  const d = desk.decision;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-case" data-case-id={desk.caseId} data-state={desk.state}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span className="contract-mono">{desk.appNo}</span>
            <Tag color={approved ? 'processing' : 'success'} data-testid="contract-case-state">
              {pick(STATE_LABELS[desk.state])}
            </Tag>
            <Typography.Text type="secondary">{desk.branchName}</Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {approved && !desk.assigneeId && (
              <Button type="primary" loading={busy === 'claim'} data-testid="contract-claim" onClick={() => void run('claim', () => client.call('case:claim', { caseId, expectedVersion: desk.caseVersion })).then(() => load())}>
                {tx('claim')}
              </Button>
            )}
            {approved && mine && (
              <>
                <Button type="primary" loading={busy === 'generate'} disabled={desk.problems.length > 0 || (busy !== null && busy !== 'generate')} data-testid="contract-generate" onClick={() => void generate()}>
                  {desk.versions.length ? tx('regenerate') : tx('generate')}
                </Button>
                <Button loading={busy === 'release'} disabled={busy !== null} data-testid="contract-release" onClick={() => void run('release', () => client.call('case:release', { caseId })).then(() => load())}>
                  {tx('release')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {approved && !mine && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={desk.assigneeName ? tx('heldByOther', { name: desk.assigneeName }) : tx('mustClaim')} />
        )}
        {desk.problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="contract-problems" title={tx('problems')} description={desk.problems.map((p) => pick(p)).join('\n')} />
        )}
        {d && (
          <Descriptions size="small" bordered column={2} title={tx('decision')} data-testid="contract-decision">
            <Descriptions.Item label={tx('amount')}>¥{formatFen(d.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={tx('capital')}>人民币{capitalAmount(d.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={tx('term')}>{tx('months', { count: d.termMonths })}</Descriptions.Item>
            <Descriptions.Item label={tx('rate')}>{formatRateBp(d.rateBp)}</Descriptions.Item>
            <Descriptions.Item label={tx('method')}>{pick(REPAYMENT_METHOD_LABELS[d.repaymentMethod])}</Descriptions.Item>
            <Descriptions.Item label={tx('conditions')}>{d.conditions || '—'}</Descriptions.Item>
            <Descriptions.Item label={tx('decisionSha')} span={2}>
              <span className="contract-mono">{d.sha256}</span>
            </Descriptions.Item>
            <Descriptions.Item label={tx('contractNo')}>
              <span className="contract-mono" data-testid="contract-number">
                {desk.contractNo ?? tx('notYet')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={tx('documents')}>
              {desk.documents.map((doc) => (
                <Tag key={doc}>{pick(DOC_TYPE_LABELS[doc])}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={tx('parties')} span={2}>
              {desk.parties.map((p) => (
                <div key={`${p.role}-${p.name}`}>
                  {tx('partyLine', { role: pick(PARTY_ROLE_LABELS[p.role]), name: p.name })}
                  {p.idNumber && (
                    <Typography.Text type="secondary"> {tx('partyId', { kind: pick(ID_KIND_LABELS[p.idKind]), id: p.idNumber })}</Typography.Text>
                  )}
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>

      <Card size="small" title={tx('versions')}>
        <ContractVersions
          versions={desk.versions}
          selected={preview?.version ?? null}
          busy={busy !== null}
          canRecord={approved && mine}
          onPreview={(v) => void showPreview(v)}
          onDownload={(v) => void download(v)}
          onRecord={record}
        />
      </Card>

      {preview ? (
        <Card
          size="small"
          title={tx('previewTitle', { file: preview.fileName })}
          extra={
            <Space>
              <Button data-testid="contract-preview-download" onClick={() => downloadPdf(preview.bytes, preview.fileName)}>
                {tx('download')}
              </Button>
              <Button data-testid="contract-print" onClick={() => void printPdf(preview.bytes)}>
                {tx('print')}
              </Button>
            </Space>
          }
        >
          <PdfPreview bytes={preview.bytes} />
        </Card>
      ) : (
        desk.versions.length > 0 && <Empty description={tx('preview')} />
      )}
    </Space>
  );
}
