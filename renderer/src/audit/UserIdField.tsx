import { AutoComplete, Input } from 'antd';
import { useLabels } from '../i18n/use-labels';
import { AUDIT_TEXT } from './audit-text';
import type { KnownUser } from './user-filter';

interface Props {
  testId: string;
  placeholder: string;
  value: string;
  invalid: boolean;
  users: readonly KnownUser[];
  onChange(value: string): void;
}

/**
 * A user id typed freely, with the people already seen in the trail offered by name. There is no user
 * directory API for auditors, so the offer is what the trail itself shows; any user id can still be typed.
 */
export function UserIdField({ testId, placeholder, value, invalid, users, onChange }: Props) {
  const tx = useLabels(AUDIT_TEXT);
  const needle = value.trim().toLowerCase();
  const options = users
    .filter((u) => !needle || u.id.toLowerCase().includes(needle) || u.name.includes(value.trim()))
    .map((u) => ({ value: u.id, label: <span data-testid={`${testId}-option-${u.id}`}>{tx('nameAndId', { name: u.name, id: u.id })}</span> }));
  return (
    <AutoComplete value={value} options={options} onChange={onChange} className="audit-user-field" popupMatchSelectWidth={260}>
      <Input data-testid={testId} placeholder={placeholder} allowClear status={invalid ? 'error' : undefined} />
    </AutoComplete>
  );
}
