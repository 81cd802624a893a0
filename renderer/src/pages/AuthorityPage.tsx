import { Alert, App, Button, Card, ConfigProvider, Input, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { AuthorityRulesEditor } from '../authority/AuthorityRulesEditor';
import { AUTHORITY_TEXT } from '../authority/authority-text';
import { AuthorityVersions } from '../authority/AuthorityVersions';
import { toRows, toRules, type RuleRow } from '../authority/rule-rows';
import { PageError } from '../components/PageError';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import '../authority/authority.css';

type Matrix = ApiOutput<'authority:get'>;

/**
 * Administrator: the authority matrix in force, edited and saved as a new version ('authority:update') of
 * the version shown (refused if someone saved another meanwhile). On a desktop synced with a central server
 * it is the server's matrix, and the new version is saved there.
 */
export function AuthorityPage() {
  const { errorText, pick } = useI18n();
  const tx = useLabels(AUTHORITY_TEXT);
  const { message } = App.useApp();
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [rows, setRows] = useState<RuleRow[]>([]);
  const [note, setNote] = useState('');
  // Kept as a key or the host's error, worded when shown: a language switch re-words it.
  const [problem, setProblem] = useState<{ check: 'noRules' | 'fixErrors' | 'noteRequired' } | { refused: AppError } | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    const result = await client.call('authority:get', {});
    if (!result.ok) return setLoadError(result.error);
    setLoadError(null);
    setMatrix(result.value);
    setRows(toRows(result.value.current.rules));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const rules = toRules(rows);
    if (!rules) return setProblem({ check: rows.length === 0 ? 'noRules' : 'fixErrors' });
    if (note.trim().length < 2) return setProblem({ check: 'noteRequired' });
    setProblem(null);
    setSaving(true);
    const result = await client.call('authority:update', { basedOnVersion: matrix!.current.version, rules, note: note.trim() });
    setSaving(false);
    if (!result.ok) {
      setProblem({ refused: result.error });
      return void message.error(errorText(result.error));
    }
    void message.success(tx('saved', { version: result.value.version }));
    setNote('');
    await load();
  };

  if (loadError && !matrix) {
    return (
      <div className="page">
        <PageError error={loadError} onRetry={() => void load()} />
      </div>
    );
  }
  if (!matrix) {
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  const current = matrix.current;
  const readOnly = matrix.readOnly;
  return (
    <div className="page authority-page" data-testid="authority-page">
      <Typography.Title level={4} className="page-title">
        {tx('title')}
      </Typography.Title>
      <Card title={<span data-testid="authority-current" data-version={current.version}>{tx('current', { version: current.version, by: current.createdBy, at: formatShanghai(current.createdAt) })}</span>}>
        {readOnly ? (
          <Alert className="authority-alert" type="info" showIcon title={pick(readOnly)} data-testid="authority-read-only" />
        ) : (
          <Typography.Paragraph type="secondary">{tx('intro')}</Typography.Paragraph>
        )}
        <ConfigProvider componentDisabled={readOnly !== null}>
          <AuthorityRulesEditor rows={rows} onChange={setRows} />
        </ConfigProvider>
        {!readOnly && (
          <div className="authority-save-row">
            <Typography.Text strong>{tx('note')}</Typography.Text>
            <Input
              data-testid="authority-note"
              className="authority-note"
              maxLength={200}
              placeholder={tx('notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onPressEnter={() => void save()}
            />
            <Space>
              <Button data-testid="authority-save" type="primary" loading={saving} onClick={() => void save()}>
                {tx('save')}
              </Button>
              <Button onClick={() => setRows(toRows(current.rules))}>{tx('reset')}</Button>
            </Space>
          </div>
        )}
        {problem && <Alert className="authority-alert" type="error" showIcon title={'check' in problem ? tx(problem.check) : errorText(problem.refused)} data-testid="authority-problem" />}
      </Card>
      <Card title={tx('versions')} className="authority-versions">
        <AuthorityVersions versions={matrix.versions} current={current.version} />
      </Card>
    </div>
  );
}
