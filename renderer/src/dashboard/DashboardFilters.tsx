import { Button, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STAGE_LABELS, STAGES } from '../../../shared/dashboard/stages';
import { PRODUCT_CODES, PRODUCTS } from '../../../shared/products/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { presetDays, type DashboardSelection } from './dashboard-query';
import { DASHBOARD_TEXT } from './dashboard-text';

export interface FilterChoices {
  branches: { code: string; name: string }[];
  people: { id: string; name: string }[];
}

/** Period and filters; the period is in Shanghai calendar days, at most a year. */
export function DashboardFilters({ value, onChange, choices, nowMs }: { value: DashboardSelection; onChange: (next: DashboardSelection) => void; choices: FilterChoices; nowMs: number }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { pick } = useI18n();
  const set = <K extends keyof DashboardSelection>(key: K, v: DashboardSelection[K] | undefined) => {
    const next = { ...value };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const range = (d: [string, string]): [Dayjs, Dayjs] => [dayjs(d[0]), dayjs(d[1])];
  /** One optional filter: cleared means "all". */
  const filter = <K extends Exclude<keyof DashboardSelection, 'days'>>(key: K, width: number, options: { value: NonNullable<DashboardSelection[K]>; label: string }[]) => (
    <Select<NonNullable<DashboardSelection[K]>>
      data-testid={`dash-filter-${key}`}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={tx(key)}
      style={{ width }}
      value={value[key] ?? undefined}
      onChange={(v) => set(key, v)}
      options={options}
    />
  );
  return (
    <Space wrap className="dash-filters" data-testid="dash-filters">
      <DatePicker.RangePicker
        data-testid="dash-period"
        allowClear={false}
        value={range(value.days)}
        disabledDate={(d) => d.isAfter(dayjs(presetDays('today', nowMs)[1]), 'day')}
        presets={[
          { label: tx('today'), value: range(presetDays('today', nowMs)) },
          { label: tx('last7'), value: range(presetDays('last7', nowMs)) },
          { label: tx('last30'), value: range(presetDays('last30', nowMs)) },
          { label: tx('thisMonth'), value: range(presetDays('thisMonth', nowMs)) },
        ]}
        onChange={(dates) => {
          if (!dates?.[0] || !dates[1]) return;
          const from = dates[0];
          // The host accepts at most 366 days; a longer pick keeps its end and starts a year before.
          const start = dates[1].diff(from, 'day') > 365 ? dates[1].subtract(365, 'day') : from;
          onChange({ ...value, days: [start.format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')] });
        }}
      />
      {filter('stage', 130, STAGES.map((s) => ({ value: s, label: pick(STAGE_LABELS[s]) })))}
      {filter('team', 120, [
        { value: 'retail', label: tx('retail') },
        { value: 'corporate', label: tx('corporate') },
      ])}
      {filter('product', 150, PRODUCT_CODES.map((p) => ({ value: p, label: pick(PRODUCTS[p]) })))}
      {filter('branch', 160, choices.branches.map((b) => ({ value: b.code, label: b.name })))}
      {filter('person', 130, choices.people.map((p) => ({ value: p.id, label: p.name })))}
      <Button data-testid="dash-filter-reset" onClick={() => onChange({ days: presetDays('last30', nowMs) })}>
        {tx('reset')}
      </Button>
    </Space>
  );
}
