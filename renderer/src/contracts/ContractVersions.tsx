import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ContractVersionInfo } from '../../../shared/api/contracts-api';
import { DOC_TYPE_LABELS } from '../../../shared/contracts/template-model';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { listText } from '../i18n/list-text';
import { useLabels } from '../i18n/use-labels';
import { CONTRACT_TEXT } from './contract-text';

interface Props {
  versions: ContractVersionInfo[];
  selected: number | null;
  busy: boolean;
  canRecord: boolean;
  onPreview(version: number): void;
  onDownload(version: number): void;
  onRecord(version: number): void;
}

/** Every generated version, newest first, with its file digest, the templates it used, and whether it was recorded. */
export function ContractVersions({ versions, selected, busy, canRecord, onPreview, onDownload, onRecord }: Props) {
  const tx = useLabels(CONTRACT_TEXT);
  const { pick } = useI18n();
  return (
    <Table<ContractVersionInfo>
      size="small"
      rowKey="version"
      data-testid="contract-versions"
      dataSource={[...versions].reverse()}
      pagination={false}
      locale={{ emptyText: tx('noVersions') }}
      rowClassName={(v) => (v.version === selected ? 'contract-selected' : '')}
      columns={[
        {
          title: tx('version'),
          dataIndex: 'version',
          render: (v: number, r) => (
            <Space size={4}>
              <span data-testid={`contract-version-${v}`}>v{v}</span>
              {r.recordedAt && <Tag color="green">{tx('recorded')}</Tag>}
            </Space>
          ),
        },
        {
          title: tx('fileSha'),
          dataIndex: 'sha256',
          render: (v: string) => (
            <Tooltip title={<span className="contract-mono">{v}</span>}>
              <Typography.Text className="contract-mono" copyable={{ text: v }}>
                {v.slice(0, 12)}…
              </Typography.Text>
            </Tooltip>
          ),
        },
        { title: tx('pages'), dataIndex: 'pages', align: 'right' },
        { title: tx('size'), dataIndex: 'size', align: 'right', render: (v: number) => `${(v / 1024).toFixed(1)} KB` },
        {
          title: tx('templates'),
          dataIndex: 'documents',
          render: (docs: ContractVersionInfo['documents']) => listText(docs.map((d) => `${pick(DOC_TYPE_LABELS[d.docType])} v${d.templateVersion}`), pick),
        },
        { title: tx('createdBy'), dataIndex: 'createdByName' },
        { title: tx('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatShanghai(v, { seconds: true }) },
        {
          title: '',
          key: 'actions',
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" data-testid={`contract-preview-${r.version}`} onClick={() => onPreview(r.version)}>
                {tx('preview')}
              </Button>
              <Button size="small" data-testid={`contract-download-${r.version}`} onClick={() => onDownload(r.version)}>
                {tx('download')}
              </Button>
              {canRecord && (
                <Button size="small" type="primary" disabled={busy} data-testid={`contract-record-${r.version}`} onClick={() => onRecord(r.version)}>
                  {tx('record')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
