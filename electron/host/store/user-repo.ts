import type { Role } from '../../../shared/auth/roles';
import type { UserRef } from '../../../shared/commands/types';
import type { Team } from '../../../shared/products/catalog';
import type { Db } from '../db/database';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  team: Team | null;
  passwordHash: string | null;
  failedAttempts: number;
  lockedUntil: number | null;
  active: boolean;
  /** The password was set by an administrator: its user must change it before anything else. */
  mustChangePassword: boolean;
}

interface RawUser {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  team: Team | null;
  password_hash: string | null;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  must_change_password: number;
}

const COLUMNS = 'id, username, display_name, roles, team, password_hash, failed_attempts, locked_until, active, must_change_password';

export class UserRepo {
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly failuresStmt;

  constructor(db: Db) {
    this.byIdStmt = db.prepare<[string], RawUser>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.byNameStmt = db.prepare<[string], RawUser>(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
    this.allStmt = db.prepare<[], RawUser>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
    this.insertStmt = db.prepare(
      `INSERT INTO users (id, username, display_name, roles, team, password_hash, active, created_at)
       VALUES (@id, @username, @displayName, @roles, @team, @passwordHash, @active, @createdAt)`,
    );
    this.failuresStmt = db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  }

  byId(id: string): UserRow | null {
    const r = this.byIdStmt.get(id);
    return r ? toUser(r) : null;
  }

  byUsername(username: string): UserRow | null {
    const r = this.byNameStmt.get(username);
    return r ? toUser(r) : null;
  }

  all(): UserRow[] {
    return this.allStmt.all().map(toUser);
  }

  insert(u: Omit<UserRow, 'failedAttempts' | 'lockedUntil' | 'mustChangePassword'>, createdAt: string): void {
    this.insertStmt.run({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: JSON.stringify(u.roles),
      team: u.team,
      passwordHash: u.passwordHash,
      active: u.active ? 1 : 0,
      createdAt,
    });
  }

  setFailures(id: string, failedAttempts: number, lockedUntil: number | null): void {
    this.failuresStmt.run(failedAttempts, lockedUntil, id);
  }

  /** The view of a user that commands may consult (no secrets). */
  ref(id: string): UserRef | undefined {
    const u = this.byId(id);
    return u ? { id: u.id, name: u.displayName, roles: u.roles, team: u.team, active: u.active } : undefined;
  }
}

function toUser(r: RawUser): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: JSON.parse(r.roles) as Role[],
    team: r.team,
    passwordHash: r.password_hash,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
  };
}
