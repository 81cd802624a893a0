import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AuthorityVersion } from '../../shared/api/approval-api';
import type { AuthorityRule } from '../../shared/approval/authority';
import { authorityViewRefused, mayViewAuthority } from '../../shared/approval/authority';
import { ok } from '../../shared/errors';
import { send } from './envelope';
import type { CentralServices } from './sync-routes';

/** `created_by` of the version the server ships with (server/db/migrate.ts), shown by name. */
const SYSTEM = { id: 'system', name: '系统' };

/**
 * The authority matrix the server decides approvals by, newest version first: what a synced desktop shows
 * on its authority page (the desktop's own copy is not the one in force). Read-only: edits to the server's
 * matrix are not made through this API.
 */
export function registerAuthorityRoutes(app: FastifyInstance, s: CentralServices): void {
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
