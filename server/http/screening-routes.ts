import type { FastifyInstance, FastifyRequest } from 'fastify';
import { screeningApi } from '../../shared/api/screening-api';
import { ok, type Result } from '../../shared/errors';
import { applyPolicyEdit } from '../../shared/screening/policy-edit';
import { mayAdministerScreening, mayViewRules, ruleSetMissing, rulesMoved, rulesViewRefused, screeningAdminOnly } from '../../shared/screening/rule-access';
import type { ServerSession } from '../auth/central-auth';
import type { ServerConfig } from '../config';
import type { Tx } from '../db/central-db';
import { RULE_SET_COLUMNS, ruleSetInfo, toRuleSet, type RuleSetRow } from '../screening/rule-sets';
import { malformed, send } from './envelope';
import type { CentralServices } from './sync-routes';
import { parseInput } from '../../shared/api/parse-input';

/** A chunk is at most 720,000 base64 characters (512 KiB of file): a megabyte of JSON is plenty. */
const CHUNK_BODY_LIMIT = 1024 * 1024;

/**
 * What the server screens with, for a synced desktop's admin pages: the negative list (size, latest imports,
 * and the CSV import in chunks: begin, chunk by chunk in order, commit) and the rule set versions (read by
 * those whose work they decide; an administrator's edit saved as the next version, used from the next
 * screening on). The bodies are the desktop API's own schemas, so a desktop forwards what its page sends
 * unchanged; the server reads the file and applies the edit with the same shared code.
 */
export function registerScreeningRoutes(app: FastifyInstance, s: CentralServices, config: ServerConfig): void {
  const asAdmin = (session: Result<ServerSession>): Result<ServerSession> =>
    !session.ok || mayAdministerScreening(session.value.info.permissions) ? session : screeningAdminOnly();
  const admin = async (req: FastifyRequest) => asAdmin(await s.auth.authenticate(req.headers.authorization));

  app.get('/v1/negative-list', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    return send(reply, ok(await s.negativeList.summary()));
  });

  app.post('/v1/negative-list/begin', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parseInput(screeningApi['negativeList:begin'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.begin(me.value.actor, body.value.fileName, body.value.sizeBytes));
  });

  app.post('/v1/negative-list/chunk', { bodyLimit: CHUNK_BODY_LIMIT }, async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parseInput(screeningApi['negativeList:chunk'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.chunk(me.value.actor, body.value.uploadId, body.value.index, body.value.data));
  });

  app.post('/v1/negative-list/commit', async (req, reply) => {
    const me = await admin(req);
    if (!me.ok) return send(reply, me);
    const body = parseInput(screeningApi['negativeList:commit'].input, req.body);
    if (!body.ok) return send(reply, body);
    return send(reply, await s.negativeList.commit(me.value.actor, body.value.uploadId, body.value.encoding));
  });

  app.get('/v1/screening/rules', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    if (!mayViewRules(session.value.info.permissions)) return send(reply, rulesViewRefused());
    const rows = await s.db.query<RuleSetRow>(`SELECT ${RULE_SET_COLUMNS} FROM screening_rule_sets ORDER BY version DESC`);
    return send(reply, ok({ current: toRuleSet(rows[0]!), versions: rows.map(ruleSetInfo) }));
  });

  app.get<{ Params: { version: string } }>('/v1/screening/rules/:version', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    if (!mayViewRules(session.value.info.permissions)) return send(reply, rulesViewRefused());
    if (!/^[1-9]\d{0,8}$/.test(req.params.version)) return send(reply, malformed('规则版本号不合法', 'Invalid rule set version'));
    const version = Number(req.params.version);
    const [row] = await s.db.query<RuleSetRow>(`SELECT ${RULE_SET_COLUMNS} FROM screening_rule_sets WHERE version = $1`, [version]);
    return send(reply, row ? ok(toRuleSet(row)) : ruleSetMissing(version));
  });

  app.post('/v1/screening/rules', async (req, reply) => {
    const session = await s.auth.authenticate(req.headers.authorization);
    if (!session.ok) return send(reply, session);
    const body = parseInput(screeningApi['screening:updateRules'].input, req.body);
    if (!body.ok) return send(reply, body);
    const me = asAdmin(session);
    if (!me.ok) return send(reply, me);
    const { basedOnVersion, note, edit } = body.value;
    const saved = await s.db.transaction(async (tx: Tx): Promise<Result<{ version: number }>> => {
      // Two administrators saving at once: the second waits here, then sees the first one's version.
      // Screenings only read the table and are not held up.
      await tx.query('LOCK TABLE screening_rule_sets IN SHARE ROW EXCLUSIVE MODE');
      const [latest] = await tx.query<RuleSetRow>(
        `SELECT ${RULE_SET_COLUMNS} FROM screening_rule_sets ORDER BY version DESC LIMIT 1`,
      );
      if (latest!.version !== basedOnVersion) return basedOnVersion > latest!.version ? ruleSetMissing(basedOnVersion) : rulesMoved();
      const next = applyPolicyEdit(toRuleSet(latest!).policy, edit);
      if (!next.ok) return next;
      const version = basedOnVersion + 1;
      await tx.query('INSERT INTO screening_rule_sets (version, policy, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
        version,
        JSON.stringify(next.value),
        note,
        me.value.actor.id,
        new Date(config.now()).toISOString(),
      ]);
      return ok({ version });
    });
    return send(reply, saved);
  });
}
