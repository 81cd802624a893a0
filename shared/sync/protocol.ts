import { z } from 'zod';
import { AuthorityVersion } from '../api/approval-api';
import { QUEUE_IDS } from '../api/queues';
import { Role, UserInfo } from '../api/schemas';
import { usersApi } from '../api/users-api';
import { COMMANDS, type CommandName } from '../commands/registry';
import { CaseId } from '../commands/case-id';
import { IdentityValue } from '../commands/documents';
import type { ErrorCode } from '../errors';
import type { ScreeningEvaluation } from '../screening/screen-case';
import { MAX_EVENT_DETAILS } from '../audit/event-audit';
import { CaseSnapshot } from './case-snapshot';

/**
 * The wire protocol between a desktop and the central server (DESIGN §9). Every request body is strict:
 * unknown keys are refused, so a client cannot slip an actor id or a sequence number in. Who acts is always
 * the user of the bearer token.
 */

/** Client-generated command ids (the host uses UUIDs); the server applies each id at most once. */
/**
 * Ids the server gives the changes it makes itself (lease expiry, import, screening). A client may not use
 * them: taken first, such an id would make the server's own command count as already done (a screening
 * never run) or hide its events from desktops, which recognise a change by its command id.
 */
export const SERVER_COMMAND_ID_PREFIXES = ['lease-', 'import-', 'screening-'] as const;

export const CommandId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'commandId: 8–64 letters, digits, - or _')
  .refine((id) => !SERVER_COMMAND_ID_PREFIXES.some((p) => id.startsWith(p)), 'commandId: lease-, import- and screening- are the server\'s');

const COMMAND_NAMES = Object.keys(COMMANDS) as [CommandName, ...CommandName[]];
const IsoTime = z.string().min(1).max(40);

/** The largest transaction id (`xid8`, unsigned 64-bit) and row id (`bigint`) the feed's key can hold. */
const XID8_MAX = 18_446_744_073_709_551_615n;
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/**
 * Change-feed position: `<transaction id>.<row id>`, opaque to clients. "0.0" is the beginning. Both parts
 * are decimal and within their column's range, so a position the feed's key cannot hold is refused as invalid
 * input rather than failing in the database.
 */
const CURSOR = /^(\d{1,20})\.(\d{1,20})$/;
export const FeedCursor = z
  .string()
  .regex(CURSOR, 'cursor: <xid>.<id>')
  .refine((s) => {
    // Zod runs this check after a failed pattern too; that one already refused the text.
    const m = CURSOR.exec(s);
    // Shorter than the maximum's digits is always in range: a pull checks every change's cursor.
    return !m || ((m[1]!.length < 20 || BigInt(m[1]!) <= XID8_MAX) && (m[2]!.length < 19 || BigInt(m[2]!) <= BIGINT_MAX));
  }, 'cursor: out of range');
export const FEED_START = '0.0';

/** Most commands one push may carry, and most changes one pull returns. */
export const MAX_PUSH_COMMANDS = 500;
export const MAX_PULL_LIMIT = 2000;

export const PushCommand = z.strictObject({
  commandId: CommandId,
  name: z.enum(COMMAND_NAMES),
  /** The command's own payload; `decideCommand` parses it with the command's schema. */
  payload: z.record(z.string(), z.unknown()),
  /** When the user acted on the desktop (kept for the record; events carry the server's time). */
  createdAt: IsoTime,
});
export type PushCommand = z.infer<typeof PushCommand>;

export const PushRequest = z.strictObject({ commands: z.array(PushCommand).min(1).max(MAX_PUSH_COMMANDS) });
export type PushRequest = z.infer<typeof PushRequest>;

export const ClaimNextRequest = z.strictObject({ commandId: CommandId, queue: z.enum(QUEUE_IDS) });
export type ClaimNextRequest = z.infer<typeof ClaimNextRequest>;

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

export const LoginResponse = z.object({ token: z.string().min(1).max(1000), expiresAt: IsoTime, user: UserInfo });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** One audit entry as the server recorded it; a desktop appends it to its own chain. */
export const ChangeEvent = z.object({
  action: z.string().min(1).max(40),
  at: IsoTime,
  actorId: z.string().min(1).max(64),
  actorName: z.string().max(60),
  fromState: z.string().max(20).nullable(),
  toState: z.string().max(20).nullable(),
  /** The exact JSON text the server hashed. */
  details: z.string().max(MAX_EVENT_DETAILS),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/**
 * A screening the server ran (风险筛查 · 测额 · 定价), carried by the change of its `completeScreening`: the
 * whole evaluation the case page shows (rules with evidence, limit and price explained). `resultId` is the
 * server's, so every desktop names the result alike. A policy version other than 1 (which every desktop
 * ships with) travels along, so a desktop can show and honour the version the result names.
 */
const EvaluationShape = z.looseObject({
  ruleSetVersion: z.number().int().min(1),
  asOf: z.string().max(10),
  outcome: z.enum(['approval', 'investigation', 'declined']),
  team: z.enum(['retail', 'corporate']),
  riskGrade: z.string().max(2),
  rules: z.array(z.looseObject({ ruleId: z.string(), result: z.string(), fired: z.boolean() })).max(200),
  reasons: z.array(z.string()).max(200),
  limit: z.looseObject({ limitFen: z.number().int().min(0) }),
  price: z.looseObject({ rateBp: z.number().int(), quotaExempt: z.boolean() }),
});

export const ScreeningWire = z.object({
  resultId: z.number().int().min(1),
  screenedAt: IsoTime,
  // The shape that stores and shows it is checked; the rest is the shared evaluation as the server made it.
  evaluation: EvaluationShape as unknown as z.ZodType<ScreeningEvaluation>,
  ruleSet: z
    .object({ version: z.number().int().min(2), policy: z.unknown(), note: z.string().max(500), createdBy: z.string().max(64), createdAt: IsoTime })
    .optional(),
});
export type ScreeningWire = z.infer<typeof ScreeningWire>;

/** What one accepted command (or a server action such as a lease expiry) did to one case. */
export const ChangeBody = z.object({
  /** The command id, or a server-made id (`import-…`, `lease-…`); applying a change twice is detected by it. */
  commandId: z.string().min(1).max(100),
  caseId: CaseId,
  /** The case's version after this change. */
  version: z.number().int().min(1),
  /** The case as the server held it when the change was read: this version or a later one. */
  case: CaseSnapshot,
  events: z.array(ChangeEvent).max(100),
  /** With a server screening's outcome: the screening itself. */
  screening: ScreeningWire.optional(),
  /** With a confirmed or corrected identity number: its full value (the audit entry holds it masked). */
  identityValue: IdentityValue.optional(),
});
export type ChangeBody = z.infer<typeof ChangeBody>;

export const Change = ChangeBody.extend({ cursor: FeedCursor });
export type Change = z.infer<typeof Change>;

export const FeedPage = z.object({ changes: z.array(Change), cursor: FeedCursor, hasMore: z.boolean() });
export type FeedPage = z.infer<typeof FeedPage>;

export const WireError = z.object({
  code: z.string() as z.ZodType<ErrorCode>,
  message: z.string(),
  messageEn: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The answer for one command: accepted with its change, or rejected with the reason and the case as it is. */
export const CommandOutcome = z.discriminatedUnion('status', [
  z.object({ commandId: CommandId, status: z.literal('accepted'), change: ChangeBody }),
  z.object({ commandId: CommandId, status: z.literal('rejected'), error: WireError, case: CaseSnapshot.nullable() }),
]);
export type CommandOutcome = z.infer<typeof CommandOutcome>;

export const PushResponse = z.object({ results: z.array(CommandOutcome) });
export type PushResponse = z.infer<typeof PushResponse>;

export const ServerUser = z.object({
  id: z.string().min(1).max(64),
  username: z.string().max(64),
  displayName: z.string().max(60),
  roles: z.array(Role),
  team: z.enum(['retail', 'corporate']).nullable(),
  active: z.boolean(),
  /** When an administrator last set this user's password (epoch ms): older offline verifiers are void. */
  passwordChangedAt: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
});
export type ServerUser = z.infer<typeof ServerUser>;

export const UsersResponse = z.object({ users: z.array(ServerUser) });

/**
 * A new account as a desktop asks the server for it: the administrator's input with the id the desktop chose,
 * so the request may be repeated (a lost answer, a retried connection) and still makes one account.
 */
export const CreateUserRequest = usersApi['users:create'].input.extend({ id: z.string().regex(/^u-[A-Za-z0-9_-]{8,40}$/) });
export type CreateUserRequest = z.output<typeof CreateUserRequest>;

export const ServerInfo = z.object({ serverId: z.string(), time: IsoTime, leaseMinutes: z.number() });
export type ServerInfo = z.infer<typeof ServerInfo>;

export const LeaseRenewal = z.object({ renewed: z.number().int() });

/** GET /v1/authority: the matrix the server decides approvals by, newest version first. */
export const ServerAuthority = z.object({ current: AuthorityVersion, versions: z.array(AuthorityVersion) });

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lowercase hex digits');
export const BlobStored = z.object({ sha256: Sha256, size: z.number().int(), created: z.boolean() });
export type BlobStored = z.infer<typeof BlobStored>;
