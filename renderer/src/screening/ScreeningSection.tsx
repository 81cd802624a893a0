import { Button, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas';
import type { ScreeningView } from '../../../shared/api/screening-views';
import { formatBp } from '../../../shared/screening/integer-math';
import type { EvidenceSlots } from '../approval/ApprovalEvidence';
import { PageError } from '../components/PageError';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { useLabels } from '../i18n/use-labels';
import { InvestigationForm } from './InvestigationForm';
import { LimitExplanation } from './LimitExplanation';
import { OverrideModal } from './OverrideModal';
import { PriceBreakdown } from './PriceBreakdown';
import { ScreeningResults } from './ScreeningResults';
import { SCREENING_TEXT } from './screening-text';
import type { ScreeningState } from './useScreening';
import './screening.css';

/** States in which the approval panel shows the screening in its evidence slots instead of this section. */
const IN_APPROVAL_PANEL = new Set(['approval', 'proposed']);

/** The screening of a case on the case page: results, limit and price, and the investigation work order. */
export function ScreeningSection({ detail, screening, onChanged }: { detail: CaseDetail; screening: ScreeningState; onChanged(): Promise<unknown> }) {
  const tx = useLabels(SCREENING_TEXT);
  const { view, error } = screening;
  if (IN_APPROVAL_PANEL.has(detail.state) && view?.result) return null;
  if (['submitted', 'doc_check', 'returned'].includes(detail.state) && !view?.result) return null;
  return (
    <Card size="small" title={tx('section')} className="screening-section" data-testid="screening-section">
      {error && <PageError error={error} onRetry={() => void screening.reload()} />}
      {view && !view.result && <Typography.Text type="secondary">{detail.state === 'screening' ? tx('pending') : tx('none')}</Typography.Text>}
      {view?.result && (
        <>
          {detail.state === 'investigation' && <InvestigationForm detail={detail} view={view} onDone={onChanged} />}
          <ScreeningResults result={view.result} earlier={view.earlier.length} />
          <FiguresRow view={view} caseId={detail.id} onChanged={onChanged} />
        </>
      )}
    </Card>
  );
}

/** Limit and price side by side, with the officer's override where he may make one. */
function FiguresRow({ view, caseId, onChanged }: { view: ScreeningView; caseId: string; onChanged(): Promise<unknown> }) {
  const tx = useLabels(SCREENING_TEXT);
  const [open, setOpen] = useState(false);
  const r = view.result!;
  return (
    <div className="screening-figures">
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{tx('limit')}</Typography.Title>
          <LimitExplanation limit={r.limit} effective={view.effective} />
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{tx('price')}</Typography.Title>
          <PriceBreakdown price={r.price} effective={view.effective} />
        </Col>
      </Row>
      {view.overrides.length > 0 && (
        <div className="screening-overrides" data-testid="screening-overrides">
          <Typography.Text strong>{tx('overrides')}</Typography.Text>
          {view.overrides.map((o) => (
            <div key={o.id}>
              {tx('overrideLine', {
                at: formatShanghai(o.at),
                who: o.actorName,
                what: [o.limitFen !== null ? `¥${formatFen(o.limitFen)}` : null, o.rateBp !== null ? formatBp(o.rateBp) : null].filter(Boolean).join(' / '),
                reason: o.reason,
              })}
            </div>
          ))}
        </div>
      )}
      {view.overrideAuthority && (
        <>
          <Button onClick={() => setOpen(true)} data-testid="override-open">
            {tx('override')}
          </Button>
          <OverrideModal caseId={caseId} authority={view.overrideAuthority} open={open} onClose={() => setOpen(false)} onSaved={onChanged} />
        </>
      )}
    </div>
  );
}

/** The screening in the approval panel's evidence slots (风险筛查结果, 测额与定价). */
export function screeningSlots(caseId: string, screening: ScreeningState, onChanged: () => Promise<unknown>): EvidenceSlots {
  const r = screening.view?.result;
  if (!screening.view || !r) return {};
  return {
    screening: <ScreeningResults result={r} earlier={screening.view.earlier.length} compact />,
    limitPrice: <FiguresRow view={screening.view} caseId={caseId} onChanged={onChanged} />,
  };
}
