import { Alert, App, Button, Card, ConfigProvider, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/errors';
import { editOf, type PolicyEdit } from '../../../shared/screening/policy-edit';
import { client } from '../api';
import { PageError } from '../components/PageError';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { actorText, noteText } from '../i18n/actor-text';
import { useLabels } from '../i18n/use-labels';
import { ADMIN_TEXT } from './admin-text';
import { NegativeListImport } from './NegativeListImport';
import { PolicyParamsForm } from './PolicyParamsForm';
import { RulesEditor } from './RulesEditor';
import './screening.css';

type Rules = ApiOutput<'screening:rules'>;

/** Administration of screening: rules and parameters (each save a new version) and the negative list. */
export function ScreeningAdminPage() {
  const { errorText, pick } = useI18n();
  const tx = useLabels(ADMIN_TEXT);
  const { message } = App.useApp();
  const [rules, setRules] = useState<Rules | null>(null);
  const [edit, setEdit] = useState<PolicyEdit | null>(null);
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await client.call('screening:rules', {});
    if (!r.ok) return setLoadError(r.error);
    setLoadError(null);
    setRules(r.value);
    setEdit(editOf(r.value.current.policy));
  }, []);
  useEffect(() => void load(), [load]);

  const pristine = useMemo(() => (rules ? JSON.stringify(editOf(rules.current.policy)) : ''), [rules]);
  const dirty = edit !== null && JSON.stringify(edit) !== pristine;

  const save = async () => {
    if (!rules || !edit) return;
    setBusy(true);
    const r = await client.call('screening:updateRules', { basedOnVersion: rules.current.version, note, edit });
    setBusy(false);
    if (!r.ok) {
      setSaveError(r.error);
      return void message.error(errorText(r.error));
    }
    setSaveError(null);
    setNote('');
    void message.success(tx('saved', { version: r.value.version }));
    await load();
  };

  if (loadError && !rules) return <div className="page"><PageError error={loadError} onRetry={() => void load()} /></div>;
  if (!rules || !edit) return <div className="page" />;
  const c = rules.current;
  // A synced desktop shows the server's rules without the editing controls (the server would refuse an edit).
  const readOnly = rules.readOnly;
  const editable = (children: ReactNode) => <ConfigProvider componentDisabled={readOnly !== null}>{children}</ConfigProvider>;
  return (
    <div className="page screening-admin" data-testid="screening-admin">
      <Card size="small" title={tx('title')}>
        <Typography.Paragraph data-testid="rules-in-force" data-version={c.version}>
          {tx('inForce', { version: c.version, by: actorText(c.createdBy, c.createdBy, pick), at: formatShanghai(c.createdAt), note: noteText(c.createdBy, c.note, pick) })}
        </Typography.Paragraph>
        {readOnly && <Alert type="info" showIcon title={pick(readOnly)} data-testid="rules-read-only" />}
        <Tabs
          items={[
            { key: 'rules', label: tx('tabRules'), children: editable(<RulesEditor rules={c.policy.rules} edit={edit} onChange={setEdit} />) },
            { key: 'params', label: tx('tabParams'), children: editable(<PolicyParamsForm edit={edit} onChange={setEdit} />) },
            {
              key: 'versions',
              label: tx('tabVersions'),
              children: (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  dataSource={rules.versions}
                  columns={[
                    { key: 'v', title: tx('version'), width: 80, dataIndex: 'version' },
                    { key: 'at', title: tx('at'), width: 160, render: (_, v) => formatShanghai(v.createdAt) },
                    { key: 'by', title: tx('by'), width: 120, render: (_, v) => actorText(v.createdBy, v.createdBy, pick) },
                    { key: 'note', title: '', render: (_, v) => noteText(v.createdBy, v.note, pick) },
                  ]}
                />
              ),
            },
            { key: 'list', label: <span data-testid="tab-negative-list">{tx('tabList')}</span>, children: <NegativeListImport /> },
          ]}
        />
        {!readOnly && (
          <Space className="rules-save" wrap>
            {dirty && <Tag color="orange">{tx('changed')}</Tag>}
            <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={tx('note')} style={{ width: 360 }} maxLength={200} data-testid="rules-note" />
            <Button type="primary" disabled={!dirty || note.trim().length < 2} loading={busy} onClick={() => void save()} data-testid="rules-save">
              {tx('save')}
            </Button>
          </Space>
        )}
        {saveError && <Alert type="error" showIcon title={errorText(saveError)} />}
      </Card>
    </div>
  );
}
