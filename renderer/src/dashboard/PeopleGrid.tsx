import type { CellClickedEvent, ColDef, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { FigureRef, PersonColumn, PersonRow } from '../../../shared/dashboard/figures';
import { agGridLocaleText } from '../i18n/ag-grid-locale';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { gridTheme } from '../queue/grid-setup';
import { formatMinutes } from './dashboard-format';
import { DASHBOARD_TEXT } from './dashboard-text';

/** `rightAligned` sets its own cell class; a cellClass replaces it, so it is repeated here. */
const LINK = ['ag-right-aligned-cell', 'dash-link-cell'];
const DRILL_COLUMNS: Partial<Record<string, PersonColumn>> = {
  handled: 'handled',
  returns: 'returns',
  openNow: 'open',
  openBreaching: 'openBreaching',
};

/** Per person: handled, average handling time, returns, open now. A count cell opens the cases behind it. */
export function PeopleGrid({ rows, workday, onDrill }: { rows: PersonRow[]; workday: number; onDrill: (ref: FigureRef) => void }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { lang } = useI18n();
  const columns = useMemo<ColDef<PersonRow>[]>(
    () => [
      { field: 'name', headerName: tx('colPerson'), minWidth: 110, flex: 1 },
      { field: 'handled', headerName: tx('colHandled'), type: 'rightAligned', minWidth: 100, flex: 1, sort: 'desc', cellClass: LINK },
      {
        field: 'avgHandlingMinutes',
        headerName: tx('colAvgHandling'),
        type: 'rightAligned',
        minWidth: 130,
        flex: 1,
        valueFormatter: (p: ValueFormatterParams<PersonRow, number | null>) => formatMinutes(p.value ?? null, workday, lang),
      },
      { field: 'returns', headerName: tx('colReturns'), type: 'rightAligned', minWidth: 90, flex: 1, cellClass: LINK },
      { field: 'openNow', headerName: tx('colOpen'), type: 'rightAligned', minWidth: 90, flex: 1, cellClass: LINK },
      { field: 'openBreaching', headerName: tx('colOpenBreaching'), type: 'rightAligned', minWidth: 100, flex: 1, cellClass: [...LINK, 'dash-danger-cell'] },
    ],
    [tx, workday, lang],
  );
  const onCellClicked = (e: CellClickedEvent<PersonRow>) => {
    const column = DRILL_COLUMNS[e.colDef.field ?? ''];
    if (column && e.data && typeof e.value === 'number' && e.value > 0) onDrill({ kind: 'person', personId: e.data.personId, column });
  };
  return (
    <div className="dash-people-grid" data-testid="dash-people-grid">
      <AgGridReact<PersonRow>
        // localeText is read once at grid creation, so a language switch recreates the grid.
        key={lang}
        theme={gridTheme}
        localeText={agGridLocaleText(lang)}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => p.data.personId}
        domLayout="autoHeight"
        onCellClicked={onCellClicked}
      />
    </div>
  );
}
