import { Table, Tag, type TableColumnsType } from 'antd';
import type { ApiOutput } from '../../../shared/api/contract';
import { describeLimit } from '../../../shared/approval/authority';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { PRODUCTS } from '../../../shared/products/catalog';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { actorText, noteText } from '../i18n/actor-text';
import { useLabels } from '../i18n/use-labels';
import { AUTHORITY_TEXT } from './authority-text';

type Version = ApiOutput<'authority:get'>['versions'][number];

/** Every version, newest first, with who saved it, when and why; expand a row for its rules. */
export function AuthorityVersions({ versions, current }: { versions: Version[]; current: number }) {
  const { pick } = useI18n();
  const tx = useLabels(AUTHORITY_TEXT);
  const columns: TableColumnsType<Version> = [
    {
      key: 'version',
      title: tx('version'),
      width: 110,
      render: (_, v) => (
        <span data-testid="authority-version" data-version={v.version}>
          v{v.version} {v.version === current && <Tag color="blue">{tx('inForce')}</Tag>}
        </span>
      ),
    },
    { key: 'by', title: tx('createdBy'), width: 130, render: (_, v) => actorText(v.createdBy, v.createdByName, pick) },
    { key: 'at', title: tx('createdAt'), width: 170, render: (_, v) => formatShanghai(v.createdAt, { seconds: true }) },
    { key: 'note', title: tx('noteColumn'), render: (_, v) => noteText(v.createdBy, v.note, pick) },
    { key: 'rules', title: tx('rules'), width: 80, render: (_, v) => v.rules.length },
  ];
  return (
    <Table<Version>
      rowKey="version"
      size="small"
      columns={columns}
      dataSource={versions}
      pagination={false}
      expandable={{
        expandedRowRender: (v) => (
          <ul className="authority-version-rules">
            {v.rules.map((r) => (
              <li key={`${r.role}|${r.product}|${r.riskGrade}`}>
                {pick(ROLE_LABELS[r.role])} · {r.product === '*' ? tx('anyProduct') : pick(PRODUCTS[r.product])} ·{' '}
                {r.riskGrade === '*' ? tx('anyGrade') : r.riskGrade} · {pick(describeLimit(r))}
              </li>
            ))}
          </ul>
        ),
      }}
    />
  );
}
