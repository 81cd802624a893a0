import type { ManagedUser } from '../../../shared/api/users-api';
import { EditUserModal } from './EditUserModal';
import { NewUserModal } from './NewUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/** The modal open over the list, if any. */
export type UserDialog = { kind: 'create' } | { kind: 'edit'; user: ManagedUser } | { kind: 'reset'; user: ManagedUser } | null;

interface Props {
  dialog: UserDialog;
  users: readonly ManagedUser[];
  onClose(): void;
  /** A change was made: close and reload. */
  onSaved(): void;
  /** The list is out of date (someone else changed an account): reload it. */
  onStale(): void;
}

/** Mounts only the open modal, so each opens with fresh fields and no earlier refusal. */
export function UserDialogs({ dialog, users, onClose, onSaved, onStale }: Props) {
  switch (dialog?.kind) {
    case 'create':
      return <NewUserModal onClose={onClose} onSaved={onSaved} />;
    case 'edit':
      return <EditUserModal user={dialog.user} users={users} onClose={onClose} onSaved={onSaved} onStale={onStale} />;
    case 'reset':
      return <ResetPasswordModal user={dialog.user} onClose={onClose} onSaved={onSaved} />;
    default:
      return null;
  }
}
