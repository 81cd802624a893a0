import { z } from 'zod';
import {
  CaseChange,
  CaseDetail,
  CaseRef,
  CaseState,
  Empty,
  Id,
  LongText,
  QueueCounts,
  QueueId,
  QueuePage,
  QueueQuery,
  ShortText,
  UserInfo,
} from './schemas';

/**
 * The one typed API of the workbench. Channel names (`domain:verb`) are declared only here; the Electron
 * main process, the preload and the browser-mode HTTP server all derive their routes from this object, and
 * every handler's input is parsed with `input` before it runs.
 */
export const api = {
  /** Log in with username and password; returns a session token (idle timeout applies). */
  'auth:login': {
    input: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    output: z.object({ token: z.string(), user: UserInfo, idleTimeoutMinutes: z.number().int() }),
    public: true,
  },
  /** End the session. */
  'auth:logout': { input: Empty, output: Empty },
  /** The logged-in user (also keeps the session alive). */
  'auth:me': { input: Empty, output: UserInfo },
  /** Case counts of every queue the user may open, with how many are past their SLA. */
  'queue:counts': { input: Empty, output: QueueCounts },
  /** One page of a queue, sorted and filtered by the host (AG Grid infinite row model). */
  'queue:list': { input: QueueQuery, output: QueuePage },
  /** 领取下一件: claim the highest-priority, earliest-SLA unclaimed case of a queue. */
  'queue:claimNext': { input: z.strictObject({ queue: QueueId }), output: CaseChange },
  /** Application, applicant and history of one case. */
  'case:get': { input: CaseRef, output: CaseDetail },
  /** Claim a chosen case. `expectedVersion` guards against acting on a stale row. */
  'case:claim': { input: z.strictObject({ caseId: Id, expectedVersion: z.number().int().optional() }), output: CaseChange },
  /** Give a claimed case back to its queue. */
  'case:release': { input: CaseRef, output: CaseChange },
  /** Supervisor: assign or reassign a case to a person, with a reason (audited). */
  'case:assign': {
    input: z.strictObject({ caseId: Id, assigneeId: Id, reason: ShortText.min(2) }),
    output: CaseChange,
  },
  /** Clerk: documents checked, pass the case on to screening. */
  'case:passDocCheck': { input: z.strictObject({ caseId: Id, note: LongText.optional() }), output: CaseChange },
  /** Clerk: return to the branch for missing or illegible documents (退回补件), with reasons. */
  'case:returnForSupplement': {
    input: z.strictObject({ caseId: Id, reasons: z.array(ShortText.min(1)).min(1).max(10), note: LongText.optional() }),
    output: CaseChange,
  },
  /** People a case can be assigned to, with how many open cases each holds. */
  'users:assignable': {
    input: CaseRef,
    output: z.object({ users: z.array(z.object({ id: Id, displayName: z.string(), openCount: z.number().int() })) }),
  },
  /** Branches and other reference data for filters. */
  'meta:reference': {
    input: Empty,
    output: z.object({ branches: z.array(z.object({ code: z.string(), name: z.string() })), states: z.array(CaseState) }),
  },
  /** Verify the hash chain of the audit trail; reports the first broken link. */
  'audit:verify': {
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
    }),
  },
} as const;

export type Api = typeof api;
export type Channel = keyof Api;
export type ApiInput<C extends Channel> = z.input<Api[C]['input']>;
export type ApiParsedInput<C extends Channel> = z.output<Api[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<Api[C]['output']>;

export const CHANNELS = Object.keys(api) as Channel[];

export function isPublicChannel(channel: Channel): boolean {
  return 'public' in api[channel] && api[channel].public === true;
}

/** Push events from host to UI. */
export type HostEvent =
  | { type: 'cases-changed'; changes: CaseChange[] }
  | { type: 'session-expired' };

/** Electron IPC channel for push events (not part of the request/response contract). */
export const EVENT_CHANNEL = 'workbench:event';

/** What the preload exposes as `window.workbench` and what the HTTP transport implements. */
export interface WorkbenchTransport {
  invoke(channel: Channel, token: string | null, input: unknown): Promise<unknown>;
  onEvent(listener: (event: HostEvent) => void): () => void;
}
