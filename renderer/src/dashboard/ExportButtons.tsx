import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { DashboardQueryInput, DashboardTable } from '../../../shared/api/dashboard-api';
import type { FigureRef } from '../../../shared/dashboard/figures';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { DASHBOARD_TEXT } from './dashboard-text';
import { saveBase64File } from './download-file';

/** CSV and Excel export of one dashboard table, built by the host for the figures on screen. */
export function ExportButtons({ table, query, figureRef }: { table: DashboardTable; query: DashboardQueryInput | null; figureRef?: FigureRef }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);

  const run = async (format: 'csv' | 'xlsx') => {
    if (!query) return;
    setBusy(format);
    const r = await client.call('dashboard:export', { query, table, format, ...(figureRef ? { ref: figureRef } : {}) });
    setBusy(null);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    saveBase64File(r.value.filename, r.value.base64, r.value.mime);
    void message.success(tx('exportDone', { file: r.value.filename }));
  };

  return (
    <Space size={4}>
      <Button size="small" data-testid={`dash-export-${table}-csv`} loading={busy === 'csv'} disabled={!query} onClick={() => void run('csv')}>
        {tx('exportCsv')}
      </Button>
      <Button size="small" data-testid={`dash-export-${table}-xlsx`} loading={busy === 'xlsx'} disabled={!query} onClick={() => void run('xlsx')}>
        {tx('exportXlsx')}
      </Button>
    </Space>
  );
}
