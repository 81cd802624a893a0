import { Checkbox, Form, Input, Select } from 'antd';
import type { AppError } from '../../../shared/errors';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { ASSIGNABLE_ROLES, DISPLAY_NAME_MAX, PASSWORD_MAX } from '../../../shared/users/user-admin';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { TEAM_LABELS } from '../screening/screening-text';
import { TEAM_CHOICES } from './user-form';
import { fieldStatus } from '../components/field-status';
import { USERS_TEXT } from './users-text';

/** Name, roles and team: the fields a new account and an edit share. */
export function ProfileItems({ problem }: { problem: AppError | null }) {
  const { pick } = useI18n();
  const tx = useLabels(USERS_TEXT);
  return (
    <>
      <Form.Item name="displayName" label={tx('displayName')} required validateStatus={fieldStatus(problem, 'displayName')}>
        <Input data-testid="user-form-display-name" maxLength={DISPLAY_NAME_MAX} />
      </Form.Item>
      <Form.Item name="roles" label={tx('roles')} required validateStatus={fieldStatus(problem, 'roles')}>
        <Checkbox.Group className="users-roles">
          {ASSIGNABLE_ROLES.map((role) => (
            <Checkbox key={role} value={role} data-testid={`user-form-role-${role}`}>
              {pick(ROLE_LABELS[role])}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="team" label={tx('team')}>
        <Select
          data-testid="user-form-team"
          options={TEAM_CHOICES.map((team) => ({
            value: team,
            label: <span data-testid={`user-form-team-${team}`}>{team === 'none' ? tx('teamAll') : pick(TEAM_LABELS[team])}</span>,
          }))}
        />
      </Form.Item>
    </>
  );
}

/** A password an administrator sets, typed twice; the rule is shown under the first. */
export function PasswordItems({ problem, label }: { problem: AppError | null; label: string }) {
  const tx = useLabels(USERS_TEXT);
  return (
    <>
      <Form.Item name="password" label={label} required extra={tx('passwordHint')} validateStatus={fieldStatus(problem, 'password')}>
        <Input.Password data-testid="user-form-password" autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <Form.Item name="password2" label={tx('password2')} required validateStatus={fieldStatus(problem, 'password2')}>
        <Input.Password data-testid="user-form-password2" autoComplete="new-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
    </>
  );
}
