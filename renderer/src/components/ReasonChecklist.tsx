import { Checkbox, Space } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { Label } from '../../../shared/domain/label';

interface Props {
  reasons: readonly Label[];
  /** Indexes of the checked reasons. */
  checked: number[];
  onChange(checked: number[]): void;
  /** Each box gets `<testPrefix>-reason-<index>`. */
  testPrefix: string;
  autoFocus?: boolean;
}

/** Reason codes as a column of checkboxes (退回补件, decline, back to document check). */
export function ReasonChecklist({ reasons, checked, onChange, testPrefix, autoFocus }: Props) {
  const { pick } = useI18n();
  return (
    <Space orientation="vertical" size={2}>
      {reasons.map((reason, index) => (
        <Checkbox
          key={reason.zh}
          data-testid={`${testPrefix}-reason-${index}`}
          autoFocus={autoFocus && index === 0}
          checked={checked.includes(index)}
          onChange={(e) => onChange(e.target.checked ? [...checked, index] : checked.filter((i) => i !== index))}
        >
          {pick(reason)}
        </Checkbox>
      ))}
    </Space>
  );
}
