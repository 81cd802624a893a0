import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { approvalApi, type AuthorityVersion } from '../../shared/api/approval-api';
import type { AuthorityRule } from '../../shared/approval/authority';
import { authorityEditRefused, authorityMoved, authorityViewRefused, checkAuthorityEdit, mayEditAuthority, mayViewAuthority } from '../../shared/approval/authority';
import { ok, type Result } from '../../shared/errors';
import type { ServerConfig } from '../config';
import type { Tx } from '../db/central-db';
import { send } from './envelope';
import type { CentralServices } from './sync-routes';
import { parseInput } from '../../shared/api/parse-input';

/** `created_by` of the version the server ships with (server/db/migrate.ts), shown by name. */
const SYSTEM = { id: 'system', name: '系统' };

/**
 * The authority matrix the server decides approvals by: `GET` gives every version, newest first (what a
 * synced desktop shows on its authority page, the desktop's own copy not being the one in force); `POST`
 * saves an administrator's edit as the next version, which every deciding transaction reads from then on.
 * The body is the desktop API's own `authority:update` input, so a desktop forwards what its page sends.
 */
export function registerAuthorityRoutes(app: FastifyInstance, s: CentralServices, config: ServerConfig): void {
  app.post('/v1/authority', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const body = parseInput(approvalApi['authority:update'].input, req.body);
    if (!body.ok) return send(reply, body);
    if (!mayEditAuthority(session.value.info.permissions)) return send(reply, authorityEditRefused());
    const checked = checkAuthorityEdit(body.value.rules);
    if (!checked.ok) return send(reply, checked);
    const { actor } = session.value;
    const { basedOnVersion, rules, note } = body.value;
    const saved = await s.db.transaction(async (tx: Tx): Promise<Result<{ version: number }>> => {
      // Two administrators saving at once: the second waits here, then sees the first one's version. Claims
      // and approvals only read the table and are not held up.
      await tx.query('LOCK TABLE authority_matrix IN SHARE ROW EXCLUSIVE MODE');
      const [latest] = await tx.query<{ version: number }>('SELECT max(version) AS version FROM authority_matrix');
      if (latest!.version !== basedOnVersion) return authorityMoved(latest!.version);
      const version = basedOnVersion + 1;
      await tx.query('INSERT INTO authority_matrix (version, rules, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
        version,
        JSON.stringify(rules),
        note,
        actor.id,
        new Date(config.now()).toISOString(),
      ]);
      return ok({ version });
    });
    return send(reply, saved);
  });

  app.get('/v1/authority', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    if (!mayViewAuthority(session.value.info.permissions)) return send(reply, authorityViewRefused());
    const rows = await s.db.query<{ version: number; rules: AuthorityRule[]; note: string; created_by: string; created_by_name: string | null; created_at: string }>(
      `SELECT m.version, m.rules, m.note, m.created_by, u.display_name AS created_by_name, m.created_at
         FROM authority_matrix m LEFT JOIN users u ON u.id = m.created_by ORDER BY m.version DESC`,
    );
    const versions: z.infer<typeof AuthorityVersion>[] = rows.map((r) => ({
      version: r.version,
      rules: r.rules,
      note: r.note,
      createdBy: r.created_by,
      createdByName: r.created_by_name ?? (r.created_by === SYSTEM.id ? SYSTEM.name : r.created_by),
      createdAt: r.created_at,
    }));
    return send(reply, ok({ current: versions[0]!, versions }));
  });
}
