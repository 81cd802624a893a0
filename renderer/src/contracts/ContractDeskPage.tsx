import { Card, Empty, Typography } from 'antd';
import { useLabels } from '../i18n/use-labels';
import { navigate } from '../routing/routes';
import { CONTRACT_TEXT } from './contract-text';
import { ContractCasePanel } from './ContractCasePanel';
import { ContractQueue } from './ContractQueue';
import './contracts.css';

/** 合同岗: the approved-cases queue beside the selected case's contract (generate, preview, print, record). */
export function ContractDeskPage({ caseId }: { caseId: string | null }) {
  const tx = useLabels(CONTRACT_TEXT);
  return (
    <div className="page" data-testid="contract-desk-page">
      <Typography.Title level={4} className="page-title">
        {tx('title')}
      </Typography.Title>
      <div className="contract-desk">
        <ContractQueue selected={caseId} onSelect={(id) => navigate({ name: 'contracts', caseId: id })} />
        {caseId ? (
          <ContractCasePanel key={caseId} caseId={caseId} />
        ) : (
          <Card size="small">
            <Empty description={tx('pickCase')} />
          </Card>
        )}
      </div>
    </div>
  );
}
