import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { QueueRow } from '../../../shared/api/schemas';
import { PRODUCTS } from '../../../shared/products/catalog';
import { STATE_LABELS } from '../../../shared/workflow/states';
import { SlaCountdown } from '../components/SlaCountdown';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import type { I18n } from '../i18n/I18nProvider';

function SlaCell({ data }: CustomCellRendererProps<QueueRow>) {
  // Rows of the infinite model have no data while their block is loading.
  if (!data) return null;
  return <SlaCountdown slaDueAt={data.slaDueAt} />;
}

/** Column ids equal the host's sortable columns (SORTABLE_COLUMNS), so the sort model passes through as is. */
export function queueColumns({ t, pick }: Pick<I18n, 't' | 'pick'>): ColDef<QueueRow>[] {
  return [
    { colId: 'appNo', field: 'appNo', headerName: t('queue.col.appNo'), minWidth: 155, flex: 1 },
    {
      colId: 'customerName',
      field: 'customerName',
      headerName: t('queue.col.customerName'),
      minWidth: 140,
      flex: 1.5,
      tooltipField: 'customerName',
    },
    {
      colId: 'productCode',
      field: 'productCode',
      headerName: t('queue.col.product'),
      minWidth: 120,
      flex: 1,
      valueFormatter: (p: ValueFormatterParams<QueueRow, QueueRow['productCode']>) => (p.value ? pick(PRODUCTS[p.value]) : ''),
    },
    {
      colId: 'amountFen',
      field: 'amountFen',
      headerName: t('queue.col.amount'),
      minWidth: 125,
      flex: 1,
      type: 'rightAligned',
      cellClass: 'cell-money',
      valueFormatter: (p: ValueFormatterParams<QueueRow, number>) => (p.value == null ? '' : formatFen(p.value)),
    },
    { colId: 'branchName', field: 'branchName', headerName: t('queue.col.branch'), minWidth: 100, flex: 1, tooltipField: 'branchName' },
    {
      colId: 'submittedAt',
      field: 'submittedAt',
      headerName: t('queue.col.submittedAt'),
      minWidth: 140,
      flex: 1,
      valueFormatter: (p: ValueFormatterParams<QueueRow, string>) => formatShanghai(p.value),
    },
    { colId: 'slaDueAt', field: 'slaDueAt', headerName: t('queue.col.sla'), minWidth: 100, flex: 0.9, cellRenderer: SlaCell },
    {
      colId: 'state',
      field: 'state',
      headerName: t('queue.col.state'),
      minWidth: 120,
      flex: 1,
      valueFormatter: (p: ValueFormatterParams<QueueRow, QueueRow['state']>) => (p.value ? pick(STATE_LABELS[p.value]) : ''),
    },
    { colId: 'assigneeName', field: 'assigneeName', headerName: t('queue.col.assignee'), minWidth: 85, flex: 0.7 },
  ];
}
