import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import type { CaseDetail } from '../../../shared/api/schemas';
import { PRODUCTS, SEGMENT_LABELS } from '../../../shared/products/catalog';
import { formatFen } from '../format/money';
import { useI18n } from '../i18n/I18nProvider';

type Items = NonNullable<DescriptionsProps['items']>;

export function ApplicationDescriptions({ detail }: { detail: CaseDetail }) {
  const { t, pick } = useI18n();
  const app = detail.application;
  const items: Items = [
    { key: 'appNo', label: t('case.appNo'), children: app.appNo },
    { key: 'product', label: t('case.product'), children: pick(PRODUCTS[app.productCode]) },
    { key: 'amount', label: t('case.amount'), children: <span className="cell-money">{t('money.yuan', { amount: formatFen(app.amountFen) })}</span> },
    { key: 'term', label: t('case.term'), children: t('case.termMonths', { count: app.termMonths }) },
    { key: 'purpose', label: t('case.purpose'), children: app.purpose },
    { key: 'branch', label: t('case.branch'), children: app.branchName },
    { key: 'segment', label: t('case.segment'), children: pick(SEGMENT_LABELS[app.segment]) },
    {
      key: 'priority',
      label: t('case.priority'),
      children: app.priority > 0 ? <Tag color="red">{t('case.priorityUrgent')}</Tag> : t('case.priorityNormal'),
    },
  ];
  return <Descriptions title={t('case.section.application')} items={items} column={{ xs: 1, md: 2, xl: 4 }} size="small" bordered />;
}

export function ApplicantDescriptions({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const a = detail.application.applicant;
  const items: Items = [
    { key: 'name', label: t('case.name'), children: a.name },
    // Already masked by the host for users without pii.view; shown exactly as received.
    { key: 'idNumber', label: t('case.idNumber'), children: <span className="mono">{a.idNumber}</span> },
    { key: 'gender', label: t('case.gender'), children: a.gender === 'M' ? t('case.male') : t('case.female') },
    { key: 'birthDate', label: t('case.birthDate'), children: a.birthDate },
    { key: 'phone', label: t('case.phone'), children: a.phone },
    { key: 'address', label: t('case.address'), children: a.address, span: 'filled' },
  ];
  return <Descriptions title={t('case.section.applicant')} items={items} column={{ xs: 1, md: 2, xl: 4 }} size="small" bordered />;
}

export function EnterpriseDescriptions({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const e = detail.application.enterprise;
  if (!e) return null;
  const items: Items = [
    { key: 'name', label: t('case.ent.name'), children: e.name, span: 2 },
    { key: 'creditCode', label: t('case.ent.creditCode'), children: <span className="mono">{e.creditCode}</span> },
    { key: 'legalRep', label: t('case.ent.legalRep'), children: e.legalRepresentative },
    { key: 'capital', label: t('case.ent.capital'), children: t('money.yuan', { amount: formatFen(e.registeredCapitalFen) }) },
    { key: 'established', label: t('case.ent.established'), children: e.establishedOn },
    { key: 'industry', label: t('case.ent.industry'), children: e.industry },
    { key: 'address', label: t('case.ent.address'), children: e.address, span: 'filled' },
  ];
  return <Descriptions title={t('case.section.enterprise')} items={items} column={{ xs: 1, md: 2, xl: 4 }} size="small" bordered />;
}
