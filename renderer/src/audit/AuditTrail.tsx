import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditFilter, AuditRow } from '../../../shared/api/audit-trail-api';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { saveFile } from '../components/save-file';
import { shanghaiDayStartUtc } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { AUDIT_ACTION_LABELS, auditColumns } from './audit-columns';
import { AUDIT_TEXT } from './audit-text';
import { resolveUserId, type KnownUser } from './user-filter';
import { UserIdField } from './UserIdField';
import './audit.css';

interface Draft {
  maker: string;
  checker: string;
  action: string | undefined;
  caseRef: string;
  /** Shanghai calendar days, inclusive. */
  days: [string, string] | null;
}

const EMPTY: Draft = { maker: '', checker: '', action: undefined, caseRef: '', days: null };
/** Typing settles before the host is asked again. */
const DEBOUNCE_MS = 300;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The auditor's view of the trail (like Fineract's /audits): filter by maker, checker, action, application and
 * dates; paged by the host ('audit:list'); the same filter exported as CSV ('audit:exportCsv').
 */
export function AuditTrail() {
  const i18n = useI18n();
  const { pick, errorText } = i18n;
  const tx = useLabels(AUDIT_TEXT);
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [pickerKey, setPickerKey] = useState(0);

  const users: KnownUser[] = useMemo(() => [...known].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)), [known]);
  const maker = resolveUserId(draft.maker, users);
  const checker = resolveUserId(draft.checker, users);

  // Draft → filter, after typing settles; a filter naming an unknown shape of user id is not sent at all.
  useEffect(() => {
    if (maker.invalid || checker.invalid) return;
    const next: AuditFilter = {};
    if (maker.id) next.makerId = maker.id;
    if (checker.id) next.checkerId = checker.id;
    if (draft.action) next.action = draft.action;
    if (draft.caseRef.trim()) next.caseRef = draft.caseRef.trim();
    if (draft.days) {
      next.from = shanghaiDayStartUtc(draft.days[0]);
      next.to = shanghaiDayStartUtc(nextDay(draft.days[1]));
    }
    const timer = setTimeout(() => {
      setFilter((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      setPage((p) => (p.current === 1 ? p : { ...p, current: 1 }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [maker.id, maker.invalid, checker.id, checker.invalid, draft.action, draft.caseRef, draft.days]);

  const load = useCallback(async () => {
    setLoading(true);
    const startRow = (page.current - 1) * page.size;
    const result = await client.call('audit:list', { filter, startRow, endRow: startRow + page.size });
    setLoading(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setRows(result.value.rows);
    setTotal(result.value.total);
    // Remember who appears, so the maker/checker fields can offer them by name.
    setKnown((prev) => {
      const next = new Map(prev);
      for (const r of result.value.rows) {
        next.set(r.actorId, r.actorName);
        if (typeof r.details.maker === 'string' && r.makerName) next.set(r.details.maker, r.makerName);
      }
      return next.size === prev.size ? prev : next;
    });
  }, [filter, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async () => {
    setExporting(true);
    const result = await client.call('audit:exportCsv', { filter });
    setExporting(false);
    if (!result.ok) {
      setError(result.error);
      return void message.error(errorText(result.error));
    }
    saveFile(result.value.filename, [result.value.csv], 'text/csv;charset=utf-8');
    void message.success(tx('exported', { name: result.value.filename }));
  };

  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: pick(label) }));
  const columns = useMemo(() => auditColumns(i18n, tx), [i18n, tx]);

  return (
    <Card
      className="audit-trail"
      title={tx('trailTitle')}
      extra={
        <Button data-testid="audit-export" loading={exporting} onClick={() => void exportCsv()}>
          {tx('export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{tx('trailHint')}</Typography.Paragraph>
      <Space wrap className="audit-filters" align="start">
        <UserIdField testId="audit-filter-maker" placeholder={tx('maker')} value={draft.maker} invalid={maker.invalid} users={users} onChange={(maker) => setDraft((d) => ({ ...d, maker }))} />
        <UserIdField
          testId="audit-filter-checker"
          placeholder={tx('checker')}
          value={draft.checker}
          invalid={checker.invalid}
          users={users}
          onChange={(checker) => setDraft((d) => ({ ...d, checker }))}
        />
        <Select
          data-testid="audit-filter-action"
          className="audit-action-filter"
          placeholder={tx('action')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={actionOptions}
          value={draft.action}
          onChange={(action: string | undefined) => setDraft((d) => ({ ...d, action }))}
        />
        <Input
          data-testid="audit-filter-case"
          className="audit-case-filter"
          placeholder={tx('caseRef')}
          allowClear
          maxLength={40}
          value={draft.caseRef}
          onChange={(e) => setDraft((d) => ({ ...d, caseRef: e.target.value }))}
        />
        <DatePicker.RangePicker
          key={pickerKey}
          data-testid="audit-filter-dates"
          onChange={(_, days) => setDraft((d) => ({ ...d, days: days[0] && days[1] ? [days[0], days[1]] : null }))}
        />
        <Button
          onClick={() => {
            setDraft(EMPTY);
            setPickerKey((k) => k + 1);
          }}
        >
          {tx('reset')}
        </Button>
      </Space>
      {(maker.invalid || checker.invalid) && <Alert className="audit-filter-problem" type="warning" showIcon title={tx('unknownUser')} />}
      {error && <Alert className="audit-filter-problem" type="error" showIcon title={errorText(error)} data-testid="audit-error" />}
      <div data-testid="audit-table">
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1100 }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (count) => <span data-testid="audit-total">{tx('total', { count })}</span>,
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
        />
      </div>
    </Card>
  );
}
