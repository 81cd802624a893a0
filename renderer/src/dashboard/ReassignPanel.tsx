import { Alert, App, Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { client } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { LABEL_SEPARATOR } from '../i18n/list-text';
import { useLabels } from '../i18n/use-labels';
import { DASHBOARD_TEXT } from './dashboard-text';

type Assignee = ApiOutput<'dashboard:assignees'>['users'][number];
type Outcome = ApiOutput<'dashboard:reassign'>;

/**
 * Choose a person and give a reason; every selected case then goes through the host's `assign` command on
 * its own (audited one by one), and what could not be assigned is listed with the host's reason.
 */
export function ReassignPanel({ selected, appNoOf, onDone }: { selected: string[]; appNoOf: (caseId: string) => string; onDone: () => void }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { errorText, pick } = useI18n();
  const { message } = App.useApp();
  const [people, setPeople] = useState<Assignee[]>([]);
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const key = selected.join(',');

  // Keyed by the ids as text: the selection array is a new object on every render.
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setPeople([]);
      return;
    }
    let cancelled = false;
    void client.call('dashboard:assignees', { caseIds: ids.slice(0, 200) }).then((r) => {
      if (cancelled) return;
      if (r.ok) setPeople(r.value.users);
      else void message.error(errorText(r.error));
    });
    return () => {
      cancelled = true;
    };
  }, [key, message, errorText]);

  const submit = async () => {
    if (!userId || reason.trim().length < 2 || selected.length === 0) return;
    setBusy(true);
    const r = await client.call('dashboard:reassign', { caseIds: selected.slice(0, 200), assigneeId: userId, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    setOutcome(r.value);
    if (r.value.failed === 0) void message.success(tx('reassignDone', { ok: r.value.succeeded }));
    onDone();
  };

  const failures = outcome?.results.filter((x) => !x.ok) ?? [];
  return (
    <div className="dash-reassign" data-testid="dash-reassign">
      <Typography.Text strong>{tx('reassign')}</Typography.Text>
      {selected.length === 0 ? (
        <Typography.Text type="secondary"> · {tx('selectCases')}</Typography.Text>
      ) : (
        <Space wrap className="dash-reassign-form">
          <Select<string>
            data-testid="dash-reassign-user"
            style={{ minWidth: 260 }}
            placeholder={tx('reassignTo')}
            value={userId}
            onChange={setUserId}
            showSearch={{ optionFilterProp: 'name' }}
            options={people.map((u) => ({
              value: u.id,
              name: u.displayName,
              label: (
                <span data-testid={`dash-reassign-option-${u.id}`} className="dash-assignee">
                  <span>{u.displayName}</span>
                  <span className="dash-assignee-note">{tx('eligible', { eligible: u.eligible, total: selected.length, open: u.openCount })}</span>
                </span>
              ),
            }))}
          />
          <Input
            data-testid="dash-reassign-reason"
            style={{ width: 280 }}
            maxLength={200}
            placeholder={tx('reassignReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="primary" data-testid="dash-reassign-submit" loading={busy} disabled={!userId || reason.trim().length < 2} onClick={() => void submit()}>
            {tx('reassignSelected', { count: selected.length })}
          </Button>
        </Space>
      )}
      {outcome && (
        <div data-testid="dash-reassign-result" data-succeeded={outcome.succeeded} data-failed={outcome.failed}>
          {failures.length === 0 ? (
            <Alert type="success" showIcon title={tx('reassignDone', { ok: outcome.succeeded })} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={tx('reassignPartly', { ok: outcome.succeeded, failed: outcome.failed })}
              description={
                <ul className="dash-reassign-failures">
                  {failures.map((x) => (
                    <li key={x.caseId}>
                      {appNoOf(x.caseId)}
                      {pick(LABEL_SEPARATOR)}
                      {x.error ? pick(x.error) : ''}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
