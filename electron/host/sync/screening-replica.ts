import type { ChangeBody } from '../../../shared/sync/protocol';
import { log } from '../log';
import type { ScreeningServices } from '../screening/create-screening';

interface OverrideDetails {
  reason?: unknown;
  resultId?: unknown;
  values?: { limitToFen?: unknown; rateToBp?: unknown };
}

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * What a synced desktop keeps of the central server's screening, so that its case page shows what the
 * server decided: the screening result a `completeScreening` change carries (stored once, under the server's
 * result id, with the policy version it names if that is new here), and the officers' overrides, rebuilt
 * from their `screeningOverridden` audit entries (the desktop that made one has it already). Runs inside the
 * pull's transaction, after the change's case is stored.
 */
export class ScreeningReplica {
  constructor(private readonly screening: ScreeningServices) {}

  apply(change: ChangeBody): void {
    if (change.screening) this.storeResult(change);
    for (const e of change.events) if (e.action === 'screeningOverridden') this.storeOverride(change, e);
  }

  /** The server refused a command: an override recorded with it optimistically is undone too. */
  refused(commandId: string): void {
    this.screening.results.deleteOverrideOf(commandId);
  }

  private storeResult(change: ChangeBody): void {
    const s = change.screening!;
    const { results, rules } = this.screening;
    if (results.hasResultOf(change.commandId)) return;
    if (s.ruleSet && !rules.adopt(s.ruleSet)) log.error('sync', `screening rule set ${s.ruleSet.version} from the server is not a valid policy`);
    if (!rules.version(s.evaluation.ruleSetVersion)) {
      // Never stop the pull over it: the case itself is stored; its result page stays empty.
      log.error('sync', `screening of case ${change.caseId} names rule set ${s.evaluation.ruleSetVersion}, unknown here; result not stored`);
      return;
    }
    // The server's id, unless a local result holds it (a store that screened for itself before it synced).
    const id = results.byId(s.resultId) ? null : s.resultId;
    results.insert(change.caseId, s.evaluation, s.screenedAt, change.commandId, id);
  }

  private storeOverride(change: ChangeBody, e: ChangeBody['events'][number]): void {
    const { results } = this.screening;
    if (results.hasOverrideOf(change.commandId)) return;
    let d: OverrideDetails;
    try {
      d = JSON.parse(e.details) as OverrideDetails;
    } catch {
      return;
    }
    const resultId = int(d.resultId);
    const result = resultId === null ? null : results.byId(resultId);
    if (!result || result.caseId !== change.caseId || typeof d.reason !== 'string') return;
    const limitFen = int(d.values?.limitToFen);
    const rateBp = int(d.values?.rateToBp);
    if (limitFen === null && rateBp === null) return;
    results.insertOverride({
      caseId: change.caseId,
      resultId: resultId!,
      limitFen,
      rateBp,
      reason: d.reason,
      actorId: e.actorId,
      actorName: e.actorName,
      at: e.at,
      commandId: change.commandId,
    });
  }
}
