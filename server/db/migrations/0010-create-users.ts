import type { CentralMigration } from './index';

/**
 * Users and their scrypt hashes live here (desktops only cache a verifier for offline login). Sessions are
 * rows so a token can be revoked; the token itself is HMAC-signed so a forged one is refused without a query.
 */
export const m0010CreateUsers: CentralMigration = {
  version: 10,
  name: 'create-users',
  sql: `
    CREATE TABLE users (
      id text PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      roles jsonb NOT NULL,
      team text CHECK (team IN ('retail', 'corporate')),
      password_hash text,
      failed_attempts int NOT NULL DEFAULT 0,
      locked_until bigint,
      active boolean NOT NULL DEFAULT true,
      created_at text NOT NULL
    );
    CREATE UNIQUE INDEX users_username ON users (lower(username));

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id),
      device_id text,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      revoked_at bigint
    );
    CREATE INDEX sessions_user ON sessions (user_id);

    -- Login outcomes (never the password). Append-only like the case audit.
    CREATE TABLE auth_events (
      id bigserial PRIMARY KEY,
      at text NOT NULL,
      user_id text NOT NULL,
      action text NOT NULL,
      device_id text,
      details jsonb NOT NULL
    );

    -- Settings every instance must share (the token secret, the server id): in the database, not in memory.
    CREATE TABLE server_settings (key text PRIMARY KEY, value text NOT NULL);

    CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$;
    CREATE TRIGGER auth_events_append_only BEFORE UPDATE OR DELETE ON auth_events
      FOR EACH ROW EXECUTE FUNCTION refuse_change();
  `,
};
