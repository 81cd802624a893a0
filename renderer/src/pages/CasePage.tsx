import { Alert, App, Button, Card, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas';
import type { AppError, Result as ApiResult } from '../../../shared/errors';
import { isTerminal, STATE_LABELS } from '../../../shared/workflow/states';
import { client } from '../api';
import { ApprovalPanel } from '../approval/ApprovalPanel';
import { AssignModal } from '../case/AssignModal';
import { availableActions, type CaseAction } from '../case/case-actions';
import { CaseActions } from '../case/CaseActions';
import { ApplicantDescriptions, ApplicationDescriptions, EnterpriseDescriptions } from '../case/CaseDescriptions';
import { HistoryTable } from '../case/HistoryTable';
import { PageError } from '../components/PageError';
import { DocumentDesk } from '../documents/DocumentDesk';
import { DocumentEvidence } from '../documents/DocumentEvidence';
import { DocumentReturnModal } from '../documents/DocumentReturnModal';
import { SlaCountdown } from '../components/SlaCountdown';
import { useCasesChanged } from '../hooks/useCasesChanged';
import { useShortcuts } from '../hooks/useShortcuts';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { backToQueue } from '../routing/routes';
import { ScreeningSection, screeningSlots } from '../screening/ScreeningSection';
import { useScreening } from '../screening/useScreening';
import { useUser } from '../session/SessionProvider';

type Modal = 'return' | 'assign' | null;

export function CasePage({ caseId }: { caseId: string }) {
  const { t, pick, errorText } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [modal, setModal] = useState<Modal>(null);

  const load = useCallback(async () => {
    const result = await client.call('case:get', { caseId });
    if (result.ok) {
      setDetail(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
    return result;
  }, [caseId]);

  useEffect(() => {
    setDetail(null);
    setActionError(null);
    void load();
  }, [load]);

  // Someone else may claim, release or reassign this case while it is open; an empty list means "resync".
  useCasesChanged((changes) => {
    if (changes.length === 0 || changes.some((c) => c.caseId === caseId)) void load();
  });

  // After an action the case may have gone to someone this user cannot see (退回补件 sends it to the branch,
  // a confirmation to the contract desk): then back to the queue.
  const reloadOrLeave = useCallback(async () => {
    const reloaded = await load();
    if (!reloaded.ok && (reloaded.error.code === 'forbidden' || reloaded.error.code === 'not-found')) backToQueue();
  }, [load]);
  const screening = useScreening(caseId, detail?.version ?? null);

  const run = useCallback(
    async (action: CaseAction, call: () => Promise<ApiResult<unknown>>) => {
      setBusy(action);
      const result = await call();
      setBusy(null);
      if (!result.ok) {
        setActionError(result.error);
        void message.error(errorText(result.error));
        // The refusal often means the case moved on (claimed by someone else); show its current state.
        void load();
        return false;
      }
      setActionError(null);
      setModal(null);
      void message.success(t('action.done'));
      await reloadOrLeave();
      return true;
    },
    [load, reloadOrLeave, message, errorText, t],
  );

  const available = detail ? availableActions(detail, user) : null;

  const onAction = (action: CaseAction) => {
    if (!detail || !available?.[action] || busy) return;
    switch (action) {
      case 'claim':
        void run('claim', () => client.call('case:claim', { caseId, expectedVersion: detail.version }));
        break;
      case 'release':
        void run('release', () => client.call('case:release', { caseId }));
        break;
      case 'pass':
        void run('pass', () => client.call('case:passDocCheck', { caseId }));
        break;
      case 'return':
      case 'assign':
        setModal(action);
        break;
    }
  };

  useShortcuts(
    {
      c: () => onAction('claim'),
      r: () => onAction('release'),
      p: () => onAction('pass'),
      b: () => onAction('return'),
      Escape: () => backToQueue(),
    },
    modal === null,
  );

  if (loadError && !detail) {
    if (loadError.code === 'not-found' || loadError.code === 'forbidden') {
      return <Result status="404" title={t('case.notFound')} subTitle={errorText(loadError)} extra={<Button onClick={backToQueue}>{t('case.back')}</Button>} />;
    }
    return (
      <div className="page">
        <PageError error={loadError} onRetry={() => void load()} />
      </div>
    );
  }
  if (!detail || !available) {
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }

  return (
    <div className="page case-page" data-testid="case-page">
      <Card size="small" className="case-summary">
        <div className="case-summary-row">
          <Space size="middle" wrap>
            <Tooltip title={`${t('common.shortcuts')}: Esc`}>
              <Button onClick={backToQueue}>← {t('case.back')}</Button>
            </Tooltip>
            <Typography.Title level={4} className="case-appno" data-testid="case-appno">
              {detail.application.appNo}
            </Typography.Title>
            <Tag color={isTerminal(detail.state) ? 'default' : 'processing'} data-testid="case-state" data-state={detail.state}>
              {pick(STATE_LABELS[detail.state])}
            </Tag>
            <span>
              <Typography.Text type="secondary">{t('case.assignee')}: </Typography.Text>
              <span data-testid="case-assignee">{detail.assigneeName ?? t('case.unassigned')}</span>
            </span>
            <span>
              <Typography.Text type="secondary">{t('case.sla')}: </Typography.Text>
              <SlaCountdown slaDueAt={detail.slaDueAt} testId="case-sla" />
            </span>
            <span>
              <Typography.Text type="secondary">{t('case.submittedAt')}: </Typography.Text>
              {formatShanghai(detail.submittedAt)}
            </span>
            {detail.returnCount > 0 && (
              <span>
                <Typography.Text type="secondary">{t('case.returnCount')}: </Typography.Text>
                {detail.returnCount}
              </span>
            )}
          </Space>
          <CaseActions available={available} busy={busy} onAction={onAction} />
        </div>
        <Typography.Text type="secondary" className="shortcut-legend">
          {t('common.shortcuts')}: {t('case.legend')}
        </Typography.Text>
        {loadError && (
          <div className="case-action-error">
            <PageError error={loadError} onRetry={() => void load()} />
          </div>
        )}
        {actionError && (
          <div data-testid="action-error" className="case-action-error">
            <Alert type="error" showIcon title={errorText(actionError)} closable={{ onClose: () => setActionError(null) }} />
          </div>
        )}
      </Card>

      {(detail.state === 'approval' || detail.state === 'proposed') && (
        <ApprovalPanel
          detail={detail}
          slots={{ ...screeningSlots(caseId, screening, reloadOrLeave), documents: <DocumentEvidence caseId={caseId} caseVersion={detail.version} /> }}
          onChanged={reloadOrLeave}
        />
      )}
      <ScreeningSection detail={detail} screening={screening} onChanged={reloadOrLeave} />
      <DocumentDesk caseId={caseId} caseVersion={detail.version} shortcutsEnabled={modal === null} />
      <Card size="small">
        <ApplicationDescriptions detail={detail} />
      </Card>
      <Card size="small">
        <ApplicantDescriptions detail={detail} />
      </Card>
      {detail.application.enterprise && (
        <Card size="small">
          <EnterpriseDescriptions detail={detail} />
        </Card>
      )}
      <Card size="small">
        <HistoryTable history={detail.history} />
      </Card>

      <DocumentReturnModal
        caseId={caseId}
        open={modal === 'return'}
        busy={busy === 'return'}
        onCancel={() => setModal(null)}
        onSubmit={(reasons, note) =>
          void run('return', () => client.call('case:returnForSupplement', note ? { caseId, reasons, note } : { caseId, reasons }))
        }
      />
      <AssignModal
        caseId={caseId}
        open={modal === 'assign'}
        busy={busy === 'assign'}
        assigneeId={detail.assigneeId}
        onCancel={() => setModal(null)}
        onSubmit={(assigneeId, reason) => void run('assign', () => client.call('case:assign', { caseId, assigneeId, reason }))}
      />
    </div>
  );
}
