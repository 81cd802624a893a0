import { DEFAULT_AUTHORITY_RULES } from '../../shared/approval/authority';
import type { Role } from '../../shared/auth/roles';
import { decideCommand } from '../../shared/commands/registry';
import { evolve } from '../../shared/commands/evolve';
import type { Actor, CaseEvent, DecideContext } from '../../shared/commands/types';
import type { CaseRecord } from '../../shared/domain/case';
import type { Team } from '../../shared/products/catalog';
import { DEFAULT_SLA_POLICY } from '../../shared/sla/sla-policy';
import { DEFAULT_CALENDAR } from '../../shared/sla/working-time';
import { hashPassword } from '../../electron/host/auth/password';
import { makeApplication, pickState, planCase, prng, type Step } from '../../electron/host/demo/seed';
import { SYSTEM_ACTOR, SYSTEM_USER } from '../../shared/auth/system-user';
import { DEMO_PASSWORD, DEMO_USERS } from '../../electron/host/demo/demo-users';
import { DEMO_NEGATIVE_LIST_FILE, demoNegativeListCsv } from '../../electron/host/screening/demo-negative-list';
import type { CentralDb } from '../db/central-db';
import { ServerNegativeList } from '../screening/negative-list-service';
import { importCases, type ImportedCase } from './import-cases';

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  team: Team | null;
  /** null: cannot log in (the system user). */
  password: string | null;
}

/** Adds users; one scrypt hash per distinct password (demo and test users share one). */
export async function createUsers(db: CentralDb, users: readonly NewUser[], createdAt: string): Promise<void> {
  const hashes = new Map<string, string>();
  for (const u of users) if (u.password !== null && !hashes.has(u.password)) hashes.set(u.password, await hashPassword(u.password));
  await db.transaction(async (tx) => {
    for (const u of users) {
      await tx.query('INSERT INTO users (id, username, display_name, roles, team, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        u.id,
        u.username,
        u.displayName,
        JSON.stringify(u.roles),
        u.team,
        u.password === null ? null : hashes.get(u.password)!,
        createdAt,
      ]);
    }
  });
}

/** How the demo's commands are decided: at the given time, with the default calendar, SLA and authority matrix. */
export function demoDecideContext(actor: Actor, at: number): DecideContext {
  return {
    actor,
    now: new Date(at).toISOString(),
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    authority: { version: 1, rules: DEFAULT_AUTHORITY_RULES },
    lookupUser: () => undefined,
  };
}

/** Runs commands in memory through the shared decide/evolve, grouped per case for `importCases`. */
export function replaySteps(steps: readonly Step[]): ImportedCase[] {
  const states = new Map<string, CaseRecord>();
  const byCase = new Map<string, ImportedCase>();
  for (const s of steps) {
    const caseId = s.payload.caseId as string;
    const decided = decideCommand(s.name, states.get(caseId) ?? null, s.payload, demoDecideContext(s.actor, s.at));
    if (!decided.ok) throw new Error(`demo: ${s.name} on ${caseId} refused: ${decided.error.messageEn}`);
    states.set(caseId, evolve(states.get(caseId) ?? null, decided.value));
    let c = byCase.get(caseId);
    if (!c) byCase.set(caseId, (c = { caseId, steps: [] }));
    c.steps.push({ actor: s.actor, events: decided.value as CaseEvent[] });
  }
  return [...byCase.values()];
}

/** `count` new applications waiting in the 资料审核 queue (fixtures for claim tests and the bench). */
export function queuedCases(count: number, nowMs: number, seed = 7): ImportedCase[] {
  const r = prng(seed);
  const steps: Step[] = [];
  for (let i = 1; i <= count; i++) {
    const data = makeApplication(i, r, nowMs - 3600_000);
    data.appNo = `CQ${String(seed).padStart(3, '0')}${String(i).padStart(8, '0')}`;
    steps.push({ at: nowMs - 3600_000 + i, actor: SYSTEM_ACTOR, name: 'submit', payload: { caseId: `q-${seed}-${i}`, data } });
  }
  return replaySteps(steps);
}

/** First start of a demo server: the README's users and `cases` applications in every state. */
export async function seedCentralDemo(db: CentralDb, opts: { cases: number; now: number; seed?: number }): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((row?.n ?? 0) > 0) return false;
  const createdAt = new Date(opts.now).toISOString();
  await createUsers(
    db,
    [
      { ...SYSTEM_USER, password: null },
      ...DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    ],
    createdAt,
  );
  const r = prng(opts.seed ?? 20261123);
  const matrix = { version: 1, rules: DEFAULT_AUTHORITY_RULES };
  const steps: Step[] = [];
  for (let i = 1; i <= opts.cases; i++) steps.push(...planCase(i, r, pickState(r), opts.now, matrix));
  steps.sort((a, b) => a.at - b.at);
  await importCases(db, replaySteps(steps), opts.now);
  await seedCentralNegativeList(db, opts.now);
  return true;
}

/**
 * The demo negative list (as on a standalone desktop): 2,000 people who hit nobody and the applicants of every
 * fourth case waiting in `screening`, imported through the server's own CSV import. The waiting cases are
 * screened by the server (`ServerScreening.screenPending`) once the caller has seeded.
 */
async function seedCentralNegativeList(db: CentralDb, now: number): Promise<void> {
  const waiting = await db.query<{ name: string; id_number: string }>(
    `SELECT record->'data'->'applicant'->>'name' AS name, record->'data'->'applicant'->>'idNumber' AS id_number
     FROM cases WHERE state = 'screening' ORDER BY id`,
  );
  await new ServerNegativeList({ db, now: () => now }).importBuffer(SYSTEM_ACTOR, DEMO_NEGATIVE_LIST_FILE, demoNegativeListCsv(waiting, now), 'auto');
}
