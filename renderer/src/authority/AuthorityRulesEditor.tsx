import { Button, Checkbox, Input, Select, Table, type TableColumnsType } from 'antd';
import { describeLimit, RISK_GRADES } from '../../../shared/approval/authority';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { PRODUCT_CODES, PRODUCTS } from '../../../shared/products/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { AUTHORITY_TEXT } from './authority-text';
import { rowProblems, type RuleRow } from './rule-rows';
import { parseWan } from './wan-text';

interface Props {
  rows: RuleRow[];
  onChange(rows: RuleRow[]): void;
}

/** The matrix as an editable table: role, product or *, grade or *, limit in 万元, inclusive. */
export function AuthorityRulesEditor({ rows, onChange }: Props) {
  const { pick } = useI18n();
  const tx = useLabels(AUTHORITY_TEXT);
  const problems = rowProblems(rows);
  const update = (key: number, patch: Partial<RuleRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const columns: TableColumnsType<RuleRow> = [
    {
      key: 'role',
      title: tx('role'),
      width: 160,
      render: (_, r, i) => (
        <Select
          data-testid={`authority-role-${i}`}
          className="authority-select"
          value={r.role}
          options={(['officer', 'senior_officer'] as const).map((role) => ({ value: role, label: pick(ROLE_LABELS[role]) }))}
          onChange={(role) => update(r.key, { role })}
        />
      ),
    },
    {
      key: 'product',
      title: tx('product'),
      width: 190,
      render: (_, r, i) => (
        <Select
          data-testid={`authority-product-${i}`}
          className="authority-select"
          value={r.product}
          options={[{ value: '*' as const, label: tx('anyProduct') }, ...PRODUCT_CODES.map((p) => ({ value: p, label: pick(PRODUCTS[p]) }))]}
          onChange={(product) => update(r.key, { product })}
        />
      ),
    },
    {
      key: 'grade',
      title: tx('grade'),
      width: 150,
      render: (_, r, i) => (
        <Select
          data-testid={`authority-grade-${i}`}
          className="authority-select"
          value={r.riskGrade}
          options={[{ value: '*' as const, label: tx('anyGrade') }, ...RISK_GRADES.map((g) => ({ value: g, label: g }))]}
          onChange={(riskGrade) => update(r.key, { riskGrade })}
        />
      ),
    },
    {
      key: 'max',
      title: tx('maxWan'),
      width: 170,
      render: (_, r, i) => {
        const problem = problems.get(r.key);
        return (
          <Input
            data-testid={`authority-max-${i}`}
            className="authority-max"
            inputMode="decimal"
            suffix={tx('wanSuffix')}
            status={problem ? 'error' : undefined}
            value={r.maxWan}
            onChange={(e) => update(r.key, { maxWan: e.target.value })}
          />
        );
      },
    },
    {
      key: 'inclusive',
      title: tx('inclusive'),
      width: 80,
      render: (_, r, i) => <Checkbox data-testid={`authority-inclusive-${i}`} checked={r.inclusive} onChange={(e) => update(r.key, { inclusive: e.target.checked })} />,
    },
    {
      key: 'reads',
      title: tx('reads'),
      render: (_, r) => {
        const problem = problems.get(r.key);
        if (problem) return <span className="authority-problem">{tx(problem)}</span>;
        const fen = parseWan(r.maxWan)!;
        return pick(describeLimit({ role: r.role, product: r.product, riskGrade: r.riskGrade, maxAmountFen: fen, inclusive: r.inclusive }));
      },
    },
    {
      key: 'remove',
      width: 70,
      render: (_, r, i) => (
        <Button data-testid={`authority-remove-${i}`} size="small" type="link" danger disabled={rows.length <= 1} onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
          {tx('remove')}
        </Button>
      ),
    },
  ];

  const addRule = () => {
    const key = rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;
    onChange([...rows, { key, role: 'officer', product: '*', riskGrade: '*', maxWan: '', inclusive: true }]);
  };

  return (
    <div data-testid="authority-table">
      <Table<RuleRow> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />
      <Button data-testid="authority-add" className="authority-add" type="dashed" onClick={addRule}>
        + {tx('addRule')}
      </Button>
    </div>
  );
}
