import { Card, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import type { QueueRow } from '../../../shared/api/schemas';
import { PRODUCTS } from '../../../shared/products/catalog';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatFen } from '../format/money';
import { useCasesChanged } from '../hooks/useCasesChanged';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { CONTRACT_TEXT } from './contract-text';

const PAGE_SIZE = 15;

/** The contract desk's queue: approved cases, most urgent first, paged by the host. */
export function ContractQueue({ selected, onSelect }: { selected: string | null; onSelect(caseId: string): void }) {
  const tx = useLabels(CONTRACT_TEXT);
  const { pick, t } = useI18n();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const start = (page - 1) * PAGE_SIZE;
    const result = await client.call('queue:list', {
      queue: 'contract_desk',
      startRow: start,
      endRow: start + PAGE_SIZE,
      sort: [{ colId: 'slaDueAt', sort: 'asc' }],
      filter: search.trim() ? { search: search.trim() } : {},
    });
    setLoading(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setRows(result.value.rows);
    setTotal(result.value.total);
  }, [page, search]);

  useEffect(() => {
    void load();
  }, [load]);
  useCasesChanged(() => void load());

  return (
    <Card size="small" title={`${tx('queueTitle')} · ${tx('queueTotal', { count: total })}`} data-testid="contract-queue">
      <Input.Search
        allowClear
        placeholder={t('queue.search')}
        onSearch={(v) => {
          setPage(1);
          setSearch(v);
        }}
        style={{ marginBottom: 8 }}
      />
      {error && <PageError error={error} onRetry={() => void load()} />}
      <Table<QueueRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        rowClassName={(r) => (r.id === selected ? 'contract-selected' : '')}
        onRow={(r) => ({ onClick: () => onSelect(r.id), 'data-testid': `contract-queue-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, size: 'small' }}
        columns={[
          { title: tx('colAppNo'), dataIndex: 'appNo', render: (v: string) => <Typography.Text className="contract-mono">{v}</Typography.Text> },
          {
            title: tx('colCustomer'),
            dataIndex: 'customerName',
            render: (v: string, r) => (
              <>
                <div>{v}</div>
                <Typography.Text type="secondary">{pick(PRODUCTS[r.productCode])}</Typography.Text>
              </>
            ),
          },
          { title: tx('colAmount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: tx('colAssignee'), dataIndex: 'assigneeName', render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : <Tag>{tx('unassigned')}</Tag>) },
        ]}
      />
    </Card>
  );
}
