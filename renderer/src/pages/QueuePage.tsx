import type { CellKeyDownEvent, GridApi, GridReadyEvent, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App, Result, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CLAIMABLE_QUEUES, QUEUE_LABELS, type QueueId } from '../../../shared/api/queues';
import type { QueueRow } from '../../../shared/api/schemas';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { useCasesChanged } from '../hooks/useCasesChanged';
import { useShortcuts } from '../hooks/useShortcuts';
import { agGridLocaleText } from '../i18n/ag-grid-locale';
import { useI18n } from '../i18n/I18nProvider';
import { gridTheme } from '../queue/grid-setup';
import { queueColumns } from '../queue/queue-columns';
import { createQueueDatasource, type QueueFilter } from '../queue/queue-datasource';
import { QueueToolbar, type ToolbarValues } from '../queue/QueueToolbar';
import { navigate, rememberQueue } from '../routing/routes';
import { useUser } from '../session/SessionProvider';
import { isQueueId, visibleQueues } from '../session/visible-queues';

/** Rows per 'queue:list' request; the host answers one block in well under 20 ms. */
const BLOCK_SIZE = 100;

export function QueuePage({ queueId }: { queueId: string }) {
  const { t } = useI18n();
  const user = useUser();
  if (!isQueueId(queueId) || !visibleQueues(user).includes(queueId)) {
    return <Result status="404" title={t('queue.notFound')} />;
  }
  return <QueueView queue={queueId} />;
}

function toFilter(values: ToolbarValues): QueueFilter {
  const filter: QueueFilter = {};
  if (values.states.length) filter.states = values.states;
  if (values.products.length) filter.products = values.products;
  if (values.search) filter.search = values.search;
  return filter;
}

function QueueView({ queue }: { queue: QueueId }) {
  const i18n = useI18n();
  const { t, pick, lang, errorText } = i18n;
  const { message } = App.useApp();
  const [values, setValues] = useState<ToolbarValues>({ states: [], products: [], search: '' });
  const [total, setTotal] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [claiming, setClaiming] = useState(false);
  const gridApi = useRef<GridApi<QueueRow> | null>(null);
  const filterRef = useRef<QueueFilter>({});
  const searchRef = useRef<InputRef>(null);
  const claimable = CLAIMABLE_QUEUES.includes(queue);

  useEffect(() => rememberQueue(queue), [queue]);

  const datasource = useMemo(
    () =>
      createQueueDatasource(queue, {
        filter: () => filterRef.current,
        onLoaded: (count) => {
          setTotal(count);
          setLoadError(null);
        },
        onError: setLoadError,
      }),
    [queue],
  );

  const onFilterChange = useCallback((next: ToolbarValues) => {
    setValues(next);
    filterRef.current = toFilter(next);
    // New filters mean new row indexes: drop every cached block and start from the top.
    gridApi.current?.purgeInfiniteCache();
    gridApi.current?.ensureIndexVisible(0, 'top');
  }, []);

  const openCase = useCallback(
    (row: QueueRow | undefined) => {
      if (!row) return;
      rememberQueue(queue);
      navigate({ name: 'case', caseId: row.id });
    },
    [queue],
  );

  const claimNext = useCallback(async () => {
    if (!claimable || claiming) return;
    setClaiming(true);
    const result = await client.call('queue:claimNext', { queue });
    setClaiming(false);
    if (!result.ok) {
      void message.error(errorText(result.error));
      return;
    }
    void message.success(t('action.claimedNext'));
    rememberQueue(queue);
    navigate({ name: 'case', caseId: result.value.caseId });
  }, [claimable, claiming, queue, message, errorText, t]);

  const openSelected = useCallback(() => {
    const api = gridApi.current;
    if (!api) return;
    const focused = api.getFocusedCell();
    const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex) : api.getSelectedNodes()[0];
    openCase(row?.data);
  }, [openCase]);

  useShortcuts({
    n: () => void claimNext(),
    Enter: (event) => {
      // Inside the grid, onCellKeyDown already handled it.
      if (event.target instanceof Element && event.target.closest('.ag-root-wrapper')) return;
      openSelected();
    },
    '/': () => searchRef.current?.focus(),
  });

  // Reload the cached (visible) blocks in place; the scroll position and selection stay.
  useCasesChanged(() => gridApi.current?.refreshInfiniteCache());

  const columnDefs = useMemo(() => queueColumns({ t, pick }), [t, pick]);
  const localeText = useMemo(() => agGridLocaleText(lang), [lang]);

  const onGridReady = (event: GridReadyEvent<QueueRow>) => {
    gridApi.current = event.api;
  };
  const onCellKeyDown = (event: CellKeyDownEvent<QueueRow>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter') openCase(event.data);
  };

  return (
    <div className="page queue-page">
      <div className="page-heading">
        <Typography.Title level={4} className="page-title">
          {pick(QUEUE_LABELS[queue])}
        </Typography.Title>
        <Typography.Text type="secondary" className="shortcut-legend">
          {t('common.shortcuts')}: {claimable && `${t('queue.legendClaim')} · `}
          {t('queue.legend')}
        </Typography.Text>
      </div>
      <QueueToolbar
        values={values}
        onChange={onFilterChange}
        total={total}
        searchRef={searchRef}
        onClaimNext={claimable ? () => void claimNext() : undefined}
        claiming={claiming}
      />
      {loadError && <PageError error={loadError} onRetry={() => gridApi.current?.refreshInfiniteCache()} />}
      <div className="queue-grid" data-testid="queue-grid">
        <AgGridReact<QueueRow>
          // localeText is read once at grid creation, so a language switch recreates the grid.
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: true }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK_SIZE}
          maxBlocksInCache={20}
          infiniteInitialRowCount={1}
          getRowId={(params) => params.data.id}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onGridReady={onGridReady}
          onRowDoubleClicked={(event: RowDoubleClickedEvent<QueueRow>) => openCase(event.data)}
          onCellKeyDown={onCellKeyDown}
        />
      </div>
    </div>
  );
}
