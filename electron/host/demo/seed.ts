import { PRODUCTS, teamFor, type ProductCode, type Segment } from '../../../shared/products/catalog';
import type { ApplicationData } from '../../../shared/domain/case';
import type { CommandName } from '../../../shared/commands/registry';
import type { Actor } from '../../../shared/commands/types';
import type { CaseState } from '../../../shared/workflow/states';
import { requiredAuthority, type AuthorityMatrix } from '../../../shared/approval/authority';
import { makeCreditCode, makeIdNumber } from '../../../shared/validators/generate';
import { CREDIT_CODE_CHARSET } from '../../../shared/validators/credit-code';
import { DEFAULT_SLA_POLICY } from '../../../shared/sla/sla-policy';
import { DEFAULT_CALENDAR } from '../../../shared/sla/working-time';
import { hashPassword } from '../auth/password';
import { CommandService } from '../commands/command-service';
import type { HostServices } from '../host';
import { log } from '../log';
import { demoSecurity } from './demo-security';
import { demoScreeningFacts } from './demo-screening-facts';
import { seedDemoNegativeList } from '../screening/demo-negative-list';
import { BRANCHES, BRAND_WORDS, GIVEN, PURPOSES, SHOP_WORDS, STREETS, SURNAMES, TRADES, type Branch } from './demo-data';
import { SYSTEM_ACTOR, SYSTEM_USER } from '../../../shared/auth/system-user';
import { DEMO_PASSWORD, DEMO_USERS, demoActor } from './demo-users';
import { DEFAULT_RULES } from '../../../shared/screening/default-rules';
import { hitLine, ruleDescription } from '../../../shared/screening/evaluate-rules';

/** Small deterministic PRNG (mulberry32) so demo data is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const DISTRIBUTION: readonly [CaseState, number][] = [
  ['submitted', 22], ['doc_check', 8], ['returned', 5], ['screening', 3], ['investigation', 4], ['approval', 15],
  ['proposed', 7], ['approved', 6], ['contracted', 16], ['declined', 9], ['withdrawn', 5],
];

const AMOUNT_RANGE_WAN: Record<ProductCode, [number, number]> = {
  tax_loan: [10, 300], mortgage_fast: [50, 1000], credit_fast: [5, 200], platform_fast: [10, 500], invoice_finance: [20, 1000], revolving: [3, 100],
};

const SEGMENTS_BY_PRODUCT: Record<ProductCode, readonly Segment[]> = {
  tax_loan: ['micro_enterprise', 'business_owner'],
  mortgage_fast: ['micro_enterprise', 'business_owner', 'sole_proprietor'],
  credit_fast: ['business_owner', 'sole_proprietor', 'public_sector', 'farmer'],
  platform_fast: ['micro_enterprise', 'sole_proprietor'],
  invoice_finance: ['micro_enterprise'],
  revolving: ['sole_proprietor', 'business_owner', 'farmer'],
};

/** Age of the case at seeding time, in hours, by the state it should end in. */
const AGE_HOURS: Record<CaseState, [number, number]> = {
  submitted: [0.2, 60], doc_check: [0.5, 40], returned: [24, 140], screening: [1, 20], investigation: [24, 120],
  approval: [6, 90], proposed: [8, 90], approved: [30, 220], contracted: [100, 700], declined: [60, 700], withdrawn: [40, 600],
};

export function makeApplication(i: number, r: Rng, submittedAtMs: number): ApplicationData {
  const product = r.pick(Object.keys(PRODUCTS) as ProductCode[]);
  const segment = r.pick(SEGMENTS_BY_PRODUCT[product]);
  const branch: Branch = r.pick(BRANCHES);
  const [lo, hi] = AMOUNT_RANGE_WAN[product];
  const amountFen = r.int(lo * 10, hi * 10) * 1_000 * 100; // whole thousands of yuan
  const p = PRODUCTS[product];
  const term = r.pick([6, 12, 12, 12, 24, 36, 60, 120].filter((t) => t >= p.minTermMonths && t <= p.maxTermMonths));
  const gender = r.next() < 0.6 ? 'M' : 'F';
  const birthYear = r.int(1966, 2000);
  const birthDate = `${birthYear}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`;
  const name = r.pick<string>(SURNAMES) + r.pick<string>(GIVEN) + (r.next() < 0.7 ? r.pick<string>(GIVEN) : '');
  const seq = r.int(0, 499) * 2 + (gender === 'M' ? 1 : 0);
  const address = `江苏省${branch.city}市${r.pick(STREETS)}${r.int(1, 388)}号`;
  const day = new Date(submittedAtMs + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  let enterprise: ApplicationData['enterprise'] = null;
  if (segment === 'micro_enterprise' || segment === 'business_owner' || segment === 'sole_proprietor') {
    const trade = r.pick(TRADES);
    const shop = segment === 'sole_proprietor';
    const body = Array.from({ length: 9 }, () => r.pick<string>(CREDIT_CODE_CHARSET)).join('');
    enterprise = {
      name: shop
        ? `${branch.city}市${r.pick(STREETS)}${name}${r.pick(SHOP_WORDS)}`
        : `${branch.city}${r.pick<string>(BRAND_WORDS)}${r.pick<string>(BRAND_WORDS)}${trade.word}有限公司`,
      creditCode: makeCreditCode(shop ? '92' : '91', branch.region, body),
      legalRepresentative: name,
      registeredCapitalFen: shop ? 0 : r.pick([50, 100, 200, 500, 1000]) * 10_000 * 100,
      establishedOn: `${r.int(2008, 2023)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`,
      address,
      industry: trade.industry,
    };
  }
  const data: ApplicationData = {
    appNo: `CF${day}${pad(i, 6)}`,
    productCode: product,
    segment,
    amountFen,
    termMonths: term,
    purpose: r.pick(PURPOSES),
    branchCode: branch.code,
    branchName: branch.name,
    priority: r.next() < 0.08 ? 1 : 0,
    applicant: {
      name,
      idNumber: makeIdNumber(branch.region, birthDate, seq),
      gender,
      birthDate,
      phone: `1${r.pick(['33', '35', '38', '39', '51', '58', '86', '89'])}${pad(r.int(0, 99_999_999), 8)}`,
      address,
    },
    enterprise,
  };
  const secured: ApplicationData = { ...data, ...demoSecurity(i, data, branch) };
  return { ...secured, ...demoScreeningFacts(i, secured, submittedAtMs) };
}

export interface Step {
  at: number;
  actor: Actor;
  name: CommandName;
  payload: Record<string, unknown>;
}

const user = (id: string) => demoActor(DEMO_USERS.find((u) => u.id === id)!);

/** A screening hit of one of the default rules, recorded as screening records it (both languages). */
function seededHit(ruleId: string): { reasons: string[]; reasonsEn: string[] } {
  const rule = DEFAULT_RULES.find((r) => r.id === ruleId)!;
  const hit = { ruleId, reasonCode: rule.reasonCode, description: ruleDescription(rule) };
  return { reasons: [hitLine(hit, 'zh')], reasonsEn: [hitLine(hit, 'en')] };
}
const CLERKS = ['u-clerk-1', 'u-clerk-2'];
const RETAIL_OFFICERS = ['u-officer-1', 'u-officer-2', 'u-dual-1', 'u-senior-1'];
const CORPORATE_OFFICERS = ['u-officer-3', 'u-senior-1', 'u-senior-2'];
const SENIORS = ['u-senior-1', 'u-senior-2'];

/** The commands that take one case from submission to `target`, spread over its age. */
export function planCase(i: number, r: Rng, target: CaseState, nowMs: number, matrix: AuthorityMatrix): Step[] {
  const [lo, hi] = AGE_HOURS[target];
  // Skewed towards young cases, with a tail of old ones, as in a queue that is mostly kept up with.
  const start = nowMs - Math.round((lo + r.next() ** 3 * (hi - lo)) * 3600_000);
  const data = makeApplication(i, r, start);
  const caseId = `c-${data.appNo.toLowerCase()}`;
  const team = teamFor(data.productCode, data.segment, data.amountFen);
  const clerk = user(r.pick(CLERKS));
  const officers = team === 'retail' ? RETAIL_OFFICERS : CORPORATE_OFFICERS;
  const riskGrade = r.pick(['A', 'B', 'B', 'C'] as const);
  // Confirmers follow the authority matrix: seniors above an officer's band, two seniors above a senior's.
  const required = requiredAuthority(matrix, data.productCode, riskGrade, data.amountFen);
  const makers = required === 'two_seniors' ? officers.filter((o) => !SENIORS.includes(o)) : officers;
  const officerA = user(r.pick(makers));
  const checkersPool = (required === 'officer' ? officers : SENIORS).filter((o) => o !== officerA.id);
  const officerB = user(r.pick(checkersPool));
  const officerC = user(SENIORS.find((o) => o !== officerA.id && o !== officerB.id) ?? SENIORS[0]!);
  const seq: [Actor, CommandName, Record<string, unknown>][] = [[SYSTEM_ACTOR, 'submit', { data }]];
  const add = (a: Actor, name: CommandName, payload: Record<string, unknown> = {}) => seq.push([a, name, payload]);
  const order: CaseState[] = ['doc_check', 'screening', 'approval', 'proposed', 'approved', 'contracted'];
  const reach = (s: CaseState) => order.indexOf(target) >= order.indexOf(s);

  if (target === 'withdrawn') {
    if (r.next() < 0.5) add(clerk, 'claim');
    add(SYSTEM_ACTOR, 'withdraw', { reason: '客户主动撤回申请' });
  } else if (target !== 'submitted' || r.next() < 0.1) {
    if (target === 'submitted' || r.next() < 0.12) {
      // a 补件 round trip earlier in the case's life
      add(clerk, 'claim');
      add(clerk, 'returnForSupplement', { reasons: ['营业执照照片模糊'] });
      add(SYSTEM_ACTOR, 'resubmit', { note: '已补充清晰照片' });
    }
    if (target !== 'submitted') add(clerk, 'claim');
    if (target === 'returned') add(clerk, 'returnForSupplement', { reasons: [r.pick(['身份证件模糊', '营业执照缺失', '完税证明缺失', '资料与申请不符'])] });
    const declinedAtScreening = target === 'declined' && r.next() < 0.4;
    if (reach('screening') || target === 'investigation' || target === 'declined') add(clerk, 'passDocCheck');
    if (declinedAtScreening) add(SYSTEM_ACTOR, 'completeScreening', { outcome: 'declined', ...seededHit('R061'), riskGrade });
    if (target === 'investigation') {
      add(SYSTEM_ACTOR, 'completeScreening', { outcome: 'investigation', ...seededHit('R080'), riskGrade });
      if (r.next() < 0.5) add(officerA, 'claim');
    }
    if (reach('approval') || (target === 'declined' && !declinedAtScreening)) {
      add(SYSTEM_ACTOR, 'completeScreening', { outcome: 'approval', reasons: [], riskGrade });
      if (target === 'approval' && r.next() < 0.3) add(officerA, 'claim');
    }
    if (reach('proposed') || (target === 'declined' && !declinedAtScreening)) {
      add(officerA, 'claim');
      add(officerA, 'propose', {
        proposal:
          target === 'declined'
            ? { decision: 'decline', reasons: ['经营流水不足以覆盖还款'] }
            : { decision: 'approve', amountFen: data.amountFen, termMonths: data.termMonths, rateBp: r.int(345, 780), repaymentMethod: r.pick(['equal_installment', 'equal_principal', 'interest_only']) },
      });
      if (target === 'proposed' && r.next() < 0.3) add(officerB, 'claim');
    }
    if (reach('approved') || (target === 'declined' && !declinedAtScreening)) {
      add(officerB, 'claim');
      add(officerB, 'confirm', {});
      if (required === 'two_seniors' && target !== 'declined') {
        add(officerC, 'claim');
        add(officerC, 'confirm', {});
      }
    }
    if (target === 'contracted') {
      add(clerk, 'claim');
      add(clerk, 'recordContract', { contractNo: `${data.branchCode}-${data.appNo.slice(2, 6)}-${pad(i, 6)}`, sha256: sha256Like(r) });
    }
  }
  // Spread the steps between submission and now, the last one at least a minute ago.
  const span = Math.max(nowMs - 60_000 - start, seq.length * 60_000);
  let at = start;
  return seq.map(([a, name, payload], k) => {
    if (k > 0) at += Math.max(60_000, Math.round((span / seq.length) * (0.3 + r.next())));
    return { at: Math.min(at, nowMs - 60_000 + k), actor: a, name, payload: { caseId, ...payload } };
  });
}

function sha256Like(r: Rng): string {
  return Array.from({ length: 64 }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function pickState(r: Rng): CaseState {
  const total = DISTRIBUTION.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [state, w] of DISTRIBUTION) {
    if ((x -= w) < 0) return state;
  }
  return 'submitted';
}

export async function createDemoUsers(services: HostServices, createdAt: string): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  // One salt for all demo users is acceptable only because they share one published demo password.
  services.db.transaction(() => {
    services.users.insert({ ...SYSTEM_USER, passwordHash: null, active: true }, createdAt);
    for (const u of DEMO_USERS) services.users.insert({ ...u, passwordHash: hash, active: true }, createdAt);
  })();
}

/**
 * Demo cases go through the same commands as real work (so the audit trail and the queues agree), run in
 * time order with a clock set to each step's time.
 */
export function seedCases(services: HostServices, count: number, nowMs: number, seed = 20261123): void {
  const r = prng(seed);
  const steps: Step[] = [];
  const matrix = services.authority.current();
  for (let i = 1; i <= count; i++) steps.push(...planCase(i, r, pickState(r), nowMs, matrix));
  steps.sort((a, b) => a.at - b.at);
  let clock = 0;
  const seeding = new CommandService({
    db: services.db,
    cases: services.cases,
    users: services.users,
    audit: services.audit,
    outbox: services.outbox,
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    authority: () => services.authority.current(),
    now: () => clock,
    onChange: () => {},
  });
  services.db.transaction(() => {
    for (const s of steps) {
      clock = s.at;
      const res = seeding.execute(s.actor, s.name, s.payload);
      if (!res.ok) throw new Error(`demo seed: ${s.name} on ${String(s.payload.caseId)} refused: ${res.error.messageEn}`);
    }
  })();
}

export async function seedDemoIfEmpty(services: HostServices, opts: { cases: number; now: number }): Promise<void> {
  if (services.users.all().length > 0) return;
  const t0 = Date.now();
  await createDemoUsers(services, new Date(opts.now).toISOString());
  seedCases(services, opts.cases, opts.now);
  seedDemoNegativeList(services.db, services.screening.importer, opts.now);
  log.info('demo', `已创建演示数据 / demo data created: ${opts.cases} applications in ${Date.now() - t0} ms`);
}
