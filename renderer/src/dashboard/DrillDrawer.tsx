import type { ColDef, GridApi, GridReadyEvent, IDatasource, SelectionChangedEvent, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Drawer, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { DashboardQueryInput, DrillRow } from '../../../shared/api/dashboard-api';
import type { FigureRef } from '../../../shared/dashboard/figures';
import { PRODUCTS } from '../../../shared/products/catalog';
import { STATE_LABELS } from '../../../shared/workflow/states';
import { client } from '../api';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { agGridLocaleText } from '../i18n/ag-grid-locale';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { gridTheme } from '../queue/grid-setup';
import { navigate } from '../routing/routes';
import { useSession } from '../session/SessionProvider';
import { DASHBOARD_TEXT } from './dashboard-text';
import { ExportButtons } from './ExportButtons';
import { ReassignPanel } from './ReassignPanel';

const BLOCK = 200;

export interface Drill {
  ref: FigureRef;
  title: string;
  /** The query at the instant the figure was read (drillQuery), so the list matches the number. */
  query: DashboardQueryInput;
}

/**
 * The cases behind a figure, as they stand now (host-paged like the queues), with reassignment of the ones
 * ticked. Double-click opens a case.
 */
export function DrillDrawer({ drill, onClose, onReassigned }: { drill: Drill | null; onClose: () => void; onReassigned: () => void }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<DrillRow[]>([]);
  const grid = useRef<GridApi<DrillRow> | null>(null);
  const appNos = useRef(new Map<string, string>());

  const datasource = useMemo<IDatasource | null>(
    () =>
      drill && {
        getRows(params) {
          void client.call('dashboard:drill', { query: drill.query, ref: drill.ref, startRow: params.startRow, endRow: params.endRow }).then((r) => {
            if (!r.ok) return params.failCallback();
            for (const row of r.value.rows) appNos.current.set(row.caseId, row.appNo);
            setTotal(r.value.total);
            params.successCallback(r.value.rows, r.value.total);
          });
        },
      },
    [drill],
  );

  const columns = useMemo<ColDef<DrillRow>[]>(
    () => [
      { field: 'appNo', headerName: tx('colAppNo'), minWidth: 170, flex: 1 },
      { field: 'customerName', headerName: tx('colCustomer'), minWidth: 150, flex: 1.4, tooltipField: 'customerName' },
      {
        field: 'productCode',
        headerName: tx('colProduct'),
        minWidth: 110,
        valueFormatter: (p: ValueFormatterParams<DrillRow, DrillRow['productCode']>) => (p.value ? pick(PRODUCTS[p.value]) : ''),
      },
      {
        field: 'amountFen',
        headerName: tx('colAmount'),
        minWidth: 110,
        type: 'rightAligned',
        valueFormatter: (p: ValueFormatterParams<DrillRow, number>) => (p.value == null ? '' : formatFen(p.value)),
      },
      { field: 'branchName', headerName: tx('colBranch'), minWidth: 110 },
      {
        field: 'state',
        headerName: tx('colState'),
        minWidth: 110,
        valueFormatter: (p: ValueFormatterParams<DrillRow, DrillRow['state']>) => (p.value ? pick(STATE_LABELS[p.value]) : ''),
      },
      { field: 'assigneeName', headerName: tx('colAssignee'), minWidth: 90 },
      { field: 'stageEnteredAt', headerName: tx('colEntered'), minWidth: 130, valueFormatter: (p: ValueFormatterParams<DrillRow, string>) => formatShanghai(p.value) },
      { field: 'slaDueAt', headerName: tx('colDue'), minWidth: 130, valueFormatter: (p: ValueFormatterParams<DrillRow, string | null>) => formatShanghai(p.value) },
    ],
    [tx, pick],
  );

  const refresh = () => {
    grid.current?.deselectAll();
    grid.current?.refreshInfiniteCache();
    onReassigned();
  };

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={1280}
      destroyOnHidden
      title={drill ? tx('drillTitle', { figure: drill.title }) : ''}
      extra={
        <Space>
          <Typography.Text data-testid="dash-drill-total" data-total={total ?? ''}>
            {total === null ? '' : tx('drillTotal', { count: total })}
          </Typography.Text>
          {drill && <ExportButtons table="drill" query={drill.query} figureRef={drill.ref} />}
        </Space>
      }
      afterOpenChange={(open) => {
        if (!open) {
          setTotal(null);
          setSelected([]);
        }
      }}
    >
      <div className="dash-drill" data-testid="dash-drill">
        <div className="dash-drill-grid" data-testid="dash-drill-grid">
          {datasource && (
            <AgGridReact<DrillRow>
              // localeText is read once at grid creation, so a language switch recreates the grid.
              key={lang}
              theme={gridTheme}
              localeText={agGridLocaleText(lang)}
              columnDefs={columns}
              defaultColDef={{ flex: 1, minWidth: 90 }}
              rowModelType="infinite"
              datasource={datasource}
              cacheBlockSize={BLOCK}
              getRowId={(p) => p.data.caseId}
              rowSelection={can('case.assign') ? { mode: 'multiRow', headerCheckbox: false } : undefined}
              onGridReady={(e: GridReadyEvent<DrillRow>) => (grid.current = e.api)}
              onSelectionChanged={(e: SelectionChangedEvent<DrillRow>) => setSelected(e.api.getSelectedRows())}
              onRowDoubleClicked={(e) => e.data && navigate({ name: 'case', caseId: e.data.caseId })}
            />
          )}
        </div>
        {can('case.assign') && (
          <ReassignPanel selected={selected.map((r) => r.caseId)} appNoOf={(id) => appNos.current.get(id) ?? id} onDone={refresh} />
        )}
      </div>
    </Drawer>
  );
}
