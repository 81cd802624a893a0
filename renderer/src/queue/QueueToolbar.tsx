import { Button, Input, Select, Space, Tooltip, Typography, type InputRef } from 'antd';
import { useEffect, useState, type Ref } from 'react';
import { PRODUCT_CODES, PRODUCTS, type ProductCode } from '../../../shared/products/catalog';
import { CASE_STATES, STATE_LABELS, type CaseState } from '../../../shared/workflow/states';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/** Typing pauses this long before the grid asks the host again. */
const SEARCH_DEBOUNCE_MS = 300;

export interface ToolbarValues {
  states: CaseState[];
  products: ProductCode[];
  search: string;
}

interface Props {
  values: ToolbarValues;
  onChange(values: ToolbarValues): void;
  total: number | null;
  searchRef: Ref<InputRef>;
  /** Present only for queues one can claim from. */
  onClaimNext?: () => void;
  claiming: boolean;
}

export function QueueToolbar({ values, onChange, total, searchRef, onClaimNext, claiming }: Props) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useState(values.search);

  useEffect(() => {
    const trimmed = search.trim();
    if (trimmed === values.search) return;
    const timer = setTimeout(() => onChange({ ...values, search: trimmed }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, values, onChange]);

  return (
    <div className="queue-toolbar">
      <Space wrap size="small">
        <Select<CaseState[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="queue-filter"
          placeholder={t('queue.filter.states')}
          value={values.states}
          onChange={(states) => onChange({ ...values, states })}
          options={CASE_STATES.map((s) => ({ value: s, label: pick(STATE_LABELS[s]) }))}
          data-testid="queue-filter-states"
        />
        <Select<ProductCode[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="queue-filter"
          placeholder={t('queue.filter.products')}
          value={values.products}
          onChange={(products) => onChange({ ...values, products })}
          options={PRODUCT_CODES.map((p) => ({ value: p, label: pick(PRODUCTS[p]) }))}
          data-testid="queue-filter-products"
        />
        <Tooltip title={`${t('common.shortcuts')}: /`}>
          <Input
            ref={searchRef}
            data-testid="queue-search"
            className="queue-search"
            allowClear
            maxLength={40}
            // Only roles that see identity numbers may search by them (the host refuses it to the others).
            placeholder={t(can('pii.view') ? 'queue.search' : 'queue.searchNoIds')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              // Escape leaves the search box so the single-key shortcuts work again.
              if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
            }}
          />
        </Tooltip>
      </Space>
      <Space size="middle">
        {total !== null && <Typography.Text type="secondary">{t('queue.total', { count: total })}</Typography.Text>}
        {onClaimNext && (
          <Tooltip title={`${t('common.shortcuts')}: N`}>
            <Button data-testid="claim-next" type="primary" loading={claiming} onClick={onClaimNext}>
              {t('queue.claimNext')}
            </Button>
          </Tooltip>
        )}
      </Space>
    </div>
  );
}
