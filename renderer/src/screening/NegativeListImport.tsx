import { Alert, Button, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ImportReportView } from '../../../shared/api/screening-views';
import type { ApiOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ADMIN_TEXT } from './admin-text';

type Encoding = 'auto' | 'utf-8' | 'gbk';

/** Bytes → base64 in slices (String.fromCharCode on a whole 512 KB chunk would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Negative-list CSV import: the file goes up in chunks, the host imports all of it or nothing, and reports. */
export function NegativeListImport() {
  const { errorText, pick } = useI18n();
  const tx = useLabels(ADMIN_TEXT);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [summary, setSummary] = useState<ApiOutput<'negativeList:summary'> | null>(null);

  const loadSummary = useCallback(async () => {
    const r = await client.call('negativeList:summary', {});
    if (r.ok) setSummary(r.value);
  }, []);
  useEffect(() => void loadSummary(), [loadSummary]);

  const upload = async (file: File) => {
    setReport(null);
    setError(null);
    setProgress(0);
    const fail = (e: AppError) => {
      setError(e);
      setProgress(null);
    };
    const begun = await client.call('negativeList:begin', { fileName: file.name, sizeBytes: file.size });
    if (!begun.ok) return fail(begun.error);
    if (begun.value.report) {
      setProgress(null);
      setReport(begun.value.report);
      return void loadSummary();
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const size = begun.value.chunkBytes;
    for (let i = 0, k = 0; i < bytes.length; i += size, k++) {
      const r = await client.call('negativeList:chunk', { uploadId: begun.value.uploadId, index: k, data: toBase64(bytes.subarray(i, i + size)) });
      if (!r.ok) return fail(r.error);
      setProgress(Math.floor(((i + size > bytes.length ? bytes.length : i + size) * 100) / Math.max(1, bytes.length)));
    }
    const done = await client.call('negativeList:commit', { uploadId: begun.value.uploadId, encoding });
    setProgress(null);
    if (!done.ok) return fail(done.error);
    setReport(done.value);
    void loadSummary();
  };

  return (
    <div className="negative-list-import" data-testid="negative-list-import">
      {summary && <Typography.Paragraph data-testid="negative-list-total">{tx('listTotal', { count: summary.total })}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary">{tx('format')}</Typography.Paragraph>
      <Space wrap>
        <span>{tx('encoding')}</span>
        <Select<Encoding>
          value={encoding}
          onChange={setEncoding}
          style={{ width: 140 }}
          options={[
            { value: 'auto', label: tx('auto') },
            { value: 'utf-8', label: 'UTF-8' },
            { value: 'gbk', label: 'GBK' },
          ]}
          data-testid="negative-list-encoding"
        />
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" loading={progress !== null} data-testid="negative-list-choose">
            {tx('choose')}
          </Button>
        </Upload>
      </Space>
      {progress !== null && <Progress percent={progress} size="small" format={(p) => tx('uploading', { percent: p ?? 0 })} />}
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {report && <ImportReport report={report} />}
      {summary && summary.imports.length > 0 && (
        <>
          <Typography.Title level={5}>{tx('imports')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={summary.imports}
            columns={[
              { key: 'at', title: tx('at'), width: 150, render: (_, i) => formatShanghai(i.createdAt) },
              { key: 'file', title: tx('file'), dataIndex: 'fileName' },
              { key: 'n', title: '✓ / ✗', width: 120, render: (_, i) => (i.fatal ? '—' : `${i.accepted} / ${i.rejected}`) },
              { key: 'fatal', title: '', render: (_, i) => (i.fatal ? <Typography.Text type="danger">{pick({ zh: i.fatalZh ?? i.fatal, en: i.fatal })}</Typography.Text> : null) },
            ]}
          />
        </>
      )}
    </div>
  );
}

function ImportReport({ report }: { report: ImportReportView }) {
  const { pick } = useI18n();
  const tx = useLabels(ADMIN_TEXT);
  if (report.fatal) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="negative-list-report"
        data-imported="false"
        title={tx('reportFatal')}
        description={pick(report.fatal)}
      />
    );
  }
  return (
    <div data-testid="negative-list-report" data-imported="true">
      <Alert
        type={report.rejected ? 'warning' : 'success'}
        showIcon
        title={tx('reportOk', { total: report.totalRows, accepted: report.accepted, rejected: report.rejected, encoding: report.encoding ?? '' })}
      />
      {report.rejectedRows.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.line}-${r.problem}`}
          pagination={{ pageSize: 20 }}
          dataSource={report.rejectedRows}
          columns={[
            { key: 'line', title: tx('line'), width: 80, dataIndex: 'line' },
            { key: 'why', title: tx('why'), render: (_, r) => pick(r) },
          ]}
        />
      )}
    </div>
  );
}
