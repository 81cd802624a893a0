import { Alert, App, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatFen } from '../format/money';
import type { CaseDetail } from '../../../shared/api/schemas';
import type { AuthorityMatrix } from '../../../shared/approval/authority';
import type { AppError, Result } from '../../../shared/errors';
import { client } from '../api';
import { hostAllows } from '../case/case-actions';
import { useShortcuts } from '../hooks/useShortcuts';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { useUser } from '../session/SessionProvider';
import { ApprovalEvidence, type EvidenceSlots } from './ApprovalEvidence';
import { DECLINE_REASONS, DOC_CHECK_REASONS } from '../../../shared/workflow/offered-reasons';
import { APPROVAL_TEXT } from './approval-text';
import { ProposalSummary } from './ProposalSummary';
import { ProposeApproveForm, type ApproveProposal } from './ProposeApproveForm';
import { ReasonsForm } from './ReasonsForm';
import { SendBackForm } from './SendBackForm';
import './approval.css';

type OpenForm = 'approve' | 'decline' | 'doccheck' | 'sendback' | null;

interface Props {
  detail: CaseDetail;
  slots?: EvidenceSlots;
  /** Reload the case after a command (the host's answer decides what the page shows next). */
  onChanged(): Promise<unknown>;
}

/**
 * Approval under dual control (双人审批) on the case page, for cases in 待审批 / 待复核: the evidence, the proposal
 * and the maker's or checker's actions in one view. Which actions appear is the host's `allowedActions`
 * (computed by the rules that execute them); a refusal is shown exactly as the host words it.
 */
export function ApprovalPanel({ detail, slots = {}, onChanged }: Props) {
  const { errorText } = useI18n();
  const tx = useLabels(APPROVAL_TEXT);
  const { message, modal } = App.useApp();
  const user = useUser();
  const [open, setOpen] = useState<OpenForm>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirmComment, setConfirmComment] = useState('');
  const submitRef = useRef<(() => void) | null>(null);
  const caseId = detail.id;

  const canPropose = hostAllows(detail, 'propose');
  const canReturn = hostAllows(detail, 'returnToDocCheck');
  const canConfirm = hostAllows(detail, 'confirm');
  const canSendBack = hostAllows(detail, 'sendBack');
  const matrix = useMatrixInForce(canPropose);

  // A form whose command the host no longer accepts (the case moved on) closes by itself.
  const openAllowed = open === null || (open === 'sendback' ? canSendBack : open === 'doccheck' ? canReturn : canPropose);
  useEffect(() => {
    if (!openAllowed) setOpen(null);
  }, [openAllowed]);

  const run = useCallback(
    async (key: string, call: () => Promise<Result<unknown>>) => {
      if (busy) return;
      setBusy(key);
      const result = await call();
      setBusy(null);
      if (!result.ok) {
        setError(result.error);
        void message.error(errorText(result.error));
      } else {
        setError(null);
        setOpen(null);
        setConfirmComment('');
        void message.success(tx('done'));
      }
      await onChanged();
    },
    [busy, message, errorText, tx, onChanged],
  );

  const propose = (proposal: ApproveProposal | { decision: 'decline'; reasons: string[]; comment?: string }) =>
    void run('propose', () => client.call('approval:propose', { caseId, proposal }));
  // The dialog names the proposal as it was when it opened: it closes if the case changes meanwhile (a sync
  // brought a send-back or another proposal), and the officer asks again about what is there now.
  const dialog = useRef<{ destroy(): void } | null>(null);
  /** Ends the open confirmation dialog, with its Enter key. */
  const closeDialog = () => {
    dialog.current?.destroy();
    dialog.current = null;
  };
  useEffect(closeDialog, [canConfirm, detail.version]);
  useEffect(() => closeDialog, []);

  // Confirming completes dual control and cannot be undone: one key or click only asks, Enter or OK confirms.
  const confirm = () => {
    if (!canConfirm || busy !== null || open !== null) return;
    const comment = confirmComment.trim();
    // The confirmation is of the proposal as shown here: the host (and the server) refuse it for a changed case.
    const expectedVersion = detail.version;
    const p = detail.proposal;
    const terms =
      p?.decision === 'approve'
        ? tx('confirmApprove', { amount: p.amountFen === undefined ? '—' : formatFen(p.amountFen), by: p.byName })
        : tx('confirmDecline', { by: p?.byName ?? '—' });
    const send = () => void run('confirm', () => client.call('approval:confirm', comment ? { caseId, comment, expectedVersion } : { caseId, expectedVersion }));
    // While the dialog opens, antd passes the focus over 取消 before 确定: Y then Enter at once cancelled. Until
    // the user moves with Tab (then Enter presses the button he chose), Enter confirms wherever the focus is.
    let tabbed = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') tabbed = true;
      if (event.key !== 'Enter' || tabbed || event.repeat || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      closeDialog();
      send();
    };
    const stopKeys = () => window.removeEventListener('keydown', onKeyDown, true);
    closeDialog();
    window.addEventListener('keydown', onKeyDown, true);
    const shown = modal.confirm({
      title: tx('confirmTitle'),
      content: <span data-testid="confirm-dialog-terms">{terms}</span>,
      okText: tx('confirm'),
      cancelText: tx('cancelConfirm'),
      autoFocusButton: 'ok',
      // Back on the page, Enter must not land on the 复核通过 button and ask again.
      focusTriggerAfterClose: false,
      onOk: () => {
        stopKeys();
        send();
      },
      onCancel: stopKeys,
      afterClose: stopKeys,
    });
    dialog.current = {
      destroy: () => {
        stopKeys();
        shown.destroy();
      },
    };
  };
  // A form's answer is to the case as it was when the form opened (the host refuses it for a changed case).
  const formVersion = useRef(detail.version);
  const openForm = (form: Exclude<OpenForm, null>) => {
    setError(null);
    formVersion.current = detail.version;
    setOpen(form);
  };

  useShortcuts({
    a: () => canPropose && openForm('approve'),
    x: () => canPropose && openForm('decline'),
    s: () => (canSendBack ? openForm('sendback') : canReturn ? openForm('doccheck') : undefined),
    y: () => confirm(),
  });

  // While a form is open, also while typing in it: Ctrl+Enter submits it, Escape closes it. Captured, so the
  // page's own Escape (back to the queue) sees the event as handled whichever listener was added first.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        setOpen(null);
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submitRef.current?.();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);

  const lastSentBack = detail.state === 'approval' ? [...detail.history].reverse().find((h) => h.action === 'sentBack' || h.action === 'proposed') : undefined;
  const sentBackComment = lastSentBack?.action === 'sentBack' && typeof lastSentBack.details.comment === 'string' ? lastSentBack.details.comment : null;
  const maker = canPropose || canReturn;
  const checker = canConfirm || canSendBack;
  const idleHint = hostAllows(detail, 'claim') ? tx('hintClaim') : detail.proposal?.by === user.id ? tx('hintOwnProposal') : tx('hintReadOnly');

  return (
    <Card
      size="small"
      className="approval-panel"
      data-testid="approval-panel"
      data-role={maker ? 'maker' : checker ? 'checker' : 'viewer'}
      title={tx('title')}
      extra={
        <Typography.Text type="secondary" className="approval-legend">
          {tx('legend')}
        </Typography.Text>
      }
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={13}>
          <Typography.Title level={5}>{tx('evidence')}</Typography.Title>
          <ApprovalEvidence detail={detail} slots={slots} />
        </Col>
        <Col xs={24} xl={11} className="approval-decision">
          <Typography.Title level={5}>{tx('decision')}</Typography.Title>
          {detail.proposal && <ProposalSummary proposal={detail.proposal} />}
          {sentBackComment && (
            <Alert className="approval-alert" type="warning" showIcon title={tx('sentBackComment')} description={<span data-testid="approval-sentback-comment">{sentBackComment}</span>} />
          )}
          {maker && (
            <div className="approval-actions">
              <Space wrap>
                {canPropose && (
                  <>
                    <Button data-testid="propose-approve" type={open === 'approve' ? 'primary' : 'default'} disabled={busy !== null} onClick={() => openForm('approve')}>
                      {tx('proposeApprove')} (A)
                    </Button>
                    <Button data-testid="propose-decline" danger type={open === 'decline' ? 'primary' : 'default'} disabled={busy !== null} onClick={() => openForm('decline')}>
                      {tx('proposeDecline')} (X)
                    </Button>
                  </>
                )}
                {canReturn && (
                  <Button data-testid="return-doccheck" type={open === 'doccheck' ? 'primary' : 'default'} disabled={busy !== null} onClick={() => openForm('doccheck')}>
                    {tx('returnDocCheck')} (S)
                  </Button>
                )}
              </Space>
            </div>
          )}
          {checker && (
            <div className="approval-actions">
              {canConfirm && (
                <Input.TextArea
                  data-testid="confirm-comment"
                  className="approval-confirm-comment"
                  rows={2}
                  maxLength={2000}
                  placeholder={tx('confirmComment')}
                  value={confirmComment}
                  onChange={(e) => setConfirmComment(e.target.value)}
                  onKeyDown={(e) => {
                    // Y is text here; Ctrl+Enter asks to confirm with the comment, as it submits the other forms.
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      confirm();
                    }
                  }}
                />
              )}
              <Space wrap>
                {canConfirm && (
                  <Button data-testid="confirm-button" type="primary" loading={busy === 'confirm'} disabled={busy !== null && busy !== 'confirm'} onClick={confirm}>
                    {tx('confirm')} (Y)
                  </Button>
                )}
                {canSendBack && (
                  <Button data-testid="sendback-button" danger type={open === 'sendback' ? 'primary' : 'default'} disabled={busy !== null} onClick={() => openForm('sendback')}>
                    {tx('sendBack')} (S)
                  </Button>
                )}
              </Space>
            </div>
          )}
          {!maker && !checker && (
            <Typography.Paragraph type="secondary" className="approval-idle" data-testid="approval-idle">
              {idleHint}
            </Typography.Paragraph>
          )}
          {error && (
            <Alert className="approval-alert" type="error" showIcon data-testid="approval-error" title={errorText(error)} closable={{ onClose: () => setError(null) }} />
          )}
          {open === 'approve' && (
            <ProposeApproveForm detail={detail} matrix={matrix} busy={busy === 'propose'} submitRef={submitRef} onSubmit={propose} onCancel={() => setOpen(null)} />
          )}
          {open === 'decline' && (
            <ReasonsForm
              testPrefix="decline"
              reasons={DECLINE_REASONS}
              reasonsLabel={tx('declineReasons')}
              textLabel={tx('declineText')}
              submitLabel={tx('proposeDecline')}
              danger
              busy={busy === 'propose'}
              submitRef={submitRef}
              onSubmit={(reasons, text) => propose(text ? { decision: 'decline', reasons, comment: text } : { decision: 'decline', reasons })}
              onCancel={() => setOpen(null)}
            />
          )}
          {open === 'doccheck' && (
            <ReasonsForm
              testPrefix="doccheck"
              reasons={DOC_CHECK_REASONS}
              reasonsLabel={tx('docCheckReasons')}
              textLabel={tx('docCheckNote')}
              submitLabel={tx('returnDocCheck')}
              danger
              busy={busy === 'doccheck'}
              submitRef={submitRef}
              onSubmit={(reasons, note) =>
                void run('doccheck', () => client.call('approval:returnToDocCheck', note ? { caseId, reasons, note } : { caseId, reasons }))
              }
              onCancel={() => setOpen(null)}
            />
          )}
          {open === 'sendback' && (
            <SendBackForm
              busy={busy === 'sendback'}
              submitRef={submitRef}
              onSubmit={(comment) => void run('sendback', () => client.call('approval:sendBack', { caseId, comment, expectedVersion: formVersion.current }))}
              onCancel={() => setOpen(null)}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** The authority matrix in force, for the maker's "who must confirm" hint; only fetched for a maker. */
function useMatrixInForce(wanted: boolean): AuthorityMatrix | null {
  const [matrix, setMatrix] = useState<AuthorityMatrix | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    void client.call('authority:get', {}).then((result) => {
      // Without it the form works the same; only the hint is missing.
      if (!cancelled && result.ok) setMatrix({ version: result.value.current.version, rules: result.value.current.rules });
    });
    return () => {
      cancelled = true;
    };
  }, [wanted]);
  return matrix;
}
