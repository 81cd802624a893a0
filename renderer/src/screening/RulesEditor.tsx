import { Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ParamValue } from '../../../shared/screening/conditions';
import type { PolicyEdit } from '../../../shared/screening/policy-edit';
import { fillParams, type ScreeningRule } from '../../../shared/screening/policy';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { ADMIN_TEXT } from './admin-text';
import { SCREENING_TEXT } from './screening-text';

const OUTCOME_COLOR = { pass: 'blue', refer: 'orange', decline: 'red' } as const;

/** The rules of the version in force: switch each on or off and edit its parameters (a new version on save). */
export function RulesEditor({ rules, edit, onChange }: { rules: readonly ScreeningRule[]; edit: PolicyEdit; onChange(next: PolicyEdit): void }) {
  const { pick } = useI18n();
  const tx = useLabels(ADMIN_TEXT);
  const st = useLabels(SCREENING_TEXT);
  const byId = new Map(edit.rules.map((r) => [r.id, r]));
  const setRule = (id: string, patch: Partial<PolicyEdit['rules'][number]>) =>
    onChange({ ...edit, rules: edit.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const setParam = (id: string, name: string, value: ParamValue) => setRule(id, { params: { ...byId.get(id)!.params, [name]: value } });

  return (
    <Table<ScreeningRule>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...rules]}
      onRow={(r) => ({ 'data-testid': `rule-row-${r.id}` }) as object}
      columns={[
        { key: 'id', title: 'ID', width: 70, render: (_, r) => <Typography.Text code>{r.id}</Typography.Text> },
        {
          key: 'description',
          title: st('rule'),
          render: (_, r) => {
            const params = byId.get(r.id)?.params ?? r.params;
            return (
              <div>
                <div>{fillParams(pick(r.description), params)}</div>
                {r.instruction && <Typography.Text type="secondary">{pick(r.instruction)}</Typography.Text>}
              </div>
            );
          },
        },
        { key: 'outcome', title: tx('outcome'), width: 110, render: (_, r) => <Tag color={OUTCOME_COLOR[r.outcome]}>{st(r.outcome === 'pass' ? 'passHit' : r.outcome)}</Tag> },
        { key: 'code', title: tx('reasonCode'), width: 190, render: (_, r) => <Typography.Text type="secondary">{r.reasonCode}</Typography.Text> },
        {
          key: 'params',
          title: tx('params'),
          width: 260,
          render: (_, r) =>
            Object.entries(byId.get(r.id)?.params ?? {}).map(([name, value]) => (
              <div key={name} className="rule-param">
                <span className="rule-param-name">{name}</span>
                <ParamInput value={value} onChange={(v) => setParam(r.id, name, v)} testId={`rule-param-${r.id}-${name}`} />
              </div>
            )),
        },
        {
          key: 'enabled',
          title: tx('enabled'),
          width: 70,
          render: (_, r) => <Switch checked={byId.get(r.id)?.enabled ?? r.enabled} onChange={(on) => setRule(r.id, { enabled: on })} data-testid={`rule-enabled-${r.id}`} />,
        },
      ]}
    />
  );
}

function ParamInput({ value, onChange, testId }: { value: ParamValue; onChange(v: ParamValue): void; testId: string }) {
  if (typeof value === 'number') return <InputNumber size="small" value={value} precision={0} onChange={(v) => v !== null && onChange(v)} data-testid={testId} />;
  if (typeof value === 'boolean') return <Switch size="small" checked={value} onChange={onChange} data-testid={testId} />;
  if (Array.isArray(value)) return <Select size="small" mode="tags" value={value} onChange={(v: string[]) => onChange(v)} style={{ minWidth: 140 }} data-testid={testId} />;
  return <Input size="small" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}
