import { Alert, Button, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FigureRef } from '../../../shared/dashboard/figures';
import { client } from '../api';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { useSession } from '../session/SessionProvider';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFilters, type FilterChoices } from './DashboardFilters';
import { drillQuery, presetDays, toQuery, type DashboardSelection } from './dashboard-query';
import { DASHBOARD_TEXT } from './dashboard-text';
import { DrillDrawer, type Drill } from './DrillDrawer';
import { ExportButtons } from './ExportButtons';
import { figureLabel } from './figure-label';
import { KpiCards } from './KpiCards';
import { PeopleGrid } from './PeopleGrid';
import { FigureTables } from './FigureTables';
import { useDashboardFigures } from './useDashboardFigures';
import './dashboard.css';

/** The supervisor's morning page (DESIGN §10): figures from the audit trail, drill-down, reassignment, export. */
export function DashboardPage() {
  const { can } = useSession();
  if (!can('case.view_all')) return <Result status="403" />;
  return <DashboardView />;
}

function DashboardView() {
  const tx = useLabels(DASHBOARD_TEXT);
  const { pick, errorText } = useI18n();
  const [nowMs] = useState(() => Date.now());
  const [selection, setSelection] = useState<DashboardSelection>(() => ({ days: presetDays('last30', nowMs) }));
  const query = useMemo(() => toQuery(selection), [selection]);
  const { figures, query: answered, error, loading, updatedAt, reload } = useDashboardFigures(query);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [choices, setChoices] = useState<FilterChoices>({ branches: [], people: [] });

  useEffect(() => {
    void client.call('meta:reference', {}).then((r) => r.ok && setChoices((c) => ({ ...c, branches: r.value.branches })));
  }, []);
  // People seen in any answer stay choosable, so filtering by one person does not empty the list.
  useEffect(() => {
    if (!figures) return;
    setChoices((c) => {
      const known = new Map(c.people.map((p) => [p.id, p.name]));
      for (const p of figures.people) known.set(p.personId, p.name);
      return { ...c, people: [...known].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
    });
  }, [figures]);

  const onDrill = useCallback(
    (ref: FigureRef) => {
      if (!figures || !answered) return;
      setDrill({ ref, title: figureLabel(ref, figures, pick), query: drillQuery(answered, figures) });
    },
    [figures, answered, pick],
  );
  const exportQuery = figures && answered ? drillQuery(answered, figures) : null;

  return (
    <div className="page dash-page" data-testid="dashboard-page">
      <div className="page-heading dash-heading">
        <div>
          <Typography.Title level={4} className="page-title">
            {tx('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{tx('subtitle')}</Typography.Text>
        </div>
        <Space>
          {updatedAt && (
            <Typography.Text type="secondary" data-testid="dash-updated">
              <Tag color="green">{tx('live')}</Tag>
              {tx('updatedAt', { time: formatShanghai(new Date(updatedAt).toISOString(), { seconds: true }).slice(11) })}
            </Typography.Text>
          )}
          <Button data-testid="dash-refresh" loading={loading} onClick={() => void reload()}>
            {tx('refresh')}
          </Button>
        </Space>
      </div>
      <DashboardFilters value={selection} onChange={setSelection} choices={choices} nowMs={nowMs} />
      {selection.stage && <Typography.Text type="secondary" className="dash-note">{tx('stageNote')}</Typography.Text>}
      {error && <Alert type="error" showIcon title={errorText(error)} className="dash-error" />}
      {!figures ? (
        <Spin className="page-spin" />
      ) : (
        <div className="dash-body" data-testid="dash-body" data-loading={loading ? 'true' : 'false'} data-as-of={figures.period.to}>
          <KpiCards f={figures} onDrill={onDrill} />
          <DashboardCharts f={figures} onDrill={onDrill} exportQuery={exportQuery} />
          <div className="dash-section-head">
            <Typography.Title level={5}>{tx('people')}</Typography.Title>
            <ExportButtons table="people" query={exportQuery} />
          </div>
          <PeopleGrid rows={figures.people} workday={figures.workdayMinutes} onDrill={onDrill} />
          <FigureTables f={figures} query={exportQuery} onDrill={onDrill} />
        </div>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} onReassigned={() => void reload()} />
    </div>
  );
}
