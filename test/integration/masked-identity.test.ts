import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor, DEMO_USERS } from '../../electron/host/demo/demo-users';
import { idCardFront } from './support/document-files';
import { tempHost, value, type TempHost } from './support/temp-host';

/**
 * A role without pii.view sees identity numbers masked (first and last four). What else it is shown must not
 * give the hidden digits back: the birth date is the middle eight of them, a scan's file name may be the
 * number itself, and a search that matches a full number would confirm a guess one query at a time.
 */
describe('masked identity numbers stay masked for roles without pii.view', () => {
  let h: TempHost;
  let supervisor: string;
  let clerk: string;
  let caseId: string;
  let fullId: string;
  let birthDate: string;
  let appNo: string;

  beforeAll(async () => {
    h = await tempHost({ cases: 40 });
    supervisor = await h.login('zhouyan');
    clerk = await h.login('zhangmin');
    const row = value(await h.call('queue:list', supervisor, { queue: 'all', startRow: 0, endRow: 50, filter: { states: ['submitted'] } })).rows[0]!;
    caseId = row.id;
    appNo = row.appNo;
    const db = new Database(h.dbFile, { readonly: true });
    const stored = db
      .prepare('SELECT c.id_number, d.data FROM cases c JOIN case_data d ON d.case_id = c.id WHERE c.id = ?')
      .get(caseId) as { id_number: string; data: string };
    db.close();
    fullId = stored.id_number;
    birthDate = (JSON.parse(stored.data) as { applicant: { birthDate: string } }).applicant.birthDate;
  });
  afterAll(async () => {
    await h.host.services.documents.close();
    h.close();
  });

  it('the case shows a supervisor neither the number nor the birth date; a clerk both', async () => {
    const masked = value(await h.call('case:get', supervisor, { caseId })).application.applicant;
    expect(masked.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(masked.birthDate).toBe('****-**-**');
    const clear = value(await h.call('case:get', clerk, { caseId })).application.applicant;
    expect(clear.idNumber).toBe(fullId);
    expect(clear.birthDate).toBe(birthDate);
  });

  it('searching by a full identity number is refused to a supervisor, with the reason; a clerk finds the case', async () => {
    const refused = await h.call('queue:list', supervisor, { queue: 'all', startRow: 0, endRow: 5, filter: { search: fullId } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('forbidden');
    expect(refused.error.message).toContain('证件号码');
    expect(refused.error.messageEn).toContain('ID number');
    // By the application number the supervisor still finds it, and a clerk by the identity number.
    const byAppNo = value(await h.call('queue:list', supervisor, { queue: 'all', startRow: 0, endRow: 5, filter: { search: appNo } }));
    expect(byAppNo.rows.map((r) => r.id)).toEqual([caseId]);
    const found = value(await h.call('queue:list', clerk, { queue: 'doc_check', startRow: 0, endRow: 5, filter: { search: fullId } }));
    expect(found.rows.map((r) => r.id)).toEqual([caseId]);
  });

  it('a scan named after the identity number is listed masked to a supervisor (and read on the desk by a clerk as named)', async () => {
    const admin = DEMO_USERS.find((u) => u.username === 'admin')!;
    const { bytes } = await idCardFront(3);
    const added = await h.host.services.documents.intake(demoActor(admin), caseId, `${fullId}_身份证.png`, bytes);
    expect(added.ok).toBe(true);
    const seenBySupervisor = value(await h.call('documents:desk', supervisor, { caseId })).documents.map((d) => d.fileName);
    expect(seenBySupervisor).toContain(`${fullId.slice(0, 4)}${'*'.repeat(10)}${fullId.slice(-4)}_身份证.png`);
    expect(seenBySupervisor.join(' ')).not.toContain(fullId);
    const seenByClerk = value(await h.call('documents:desk', clerk, { caseId })).documents.map((d) => d.fileName);
    expect(seenByClerk).toContain(`${fullId}_身份证.png`);
  });

  it('an identity number typed into a return reason is masked in the history, the audit trail and its export for a supervisor (and kept as typed)', async () => {
    const claimed = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    value(await h.call('case:returnForSupplement', clerk, { caseId: claimed.caseId, reasons: [`身份证号${fullId}与申请不符`], note: `请核对 ${fullId}` }));
    const masked = `${fullId.slice(0, 4)}${'*'.repeat(10)}${fullId.slice(-4)}`;
    const last = (detail: { history: { details: Record<string, unknown> }[] }) => JSON.stringify(detail.history.at(-1)!.details);
    const bySupervisor = last(value(await h.call('case:get', supervisor, { caseId: claimed.caseId })));
    expect(bySupervisor).not.toContain(fullId);
    expect(bySupervisor).toContain(masked);
    // Kept as typed (its hash covers it); only what is shown is masked.
    const db = new Database(h.dbFile, { readonly: true });
    const stored = db.prepare("SELECT details FROM audit WHERE case_id = ? AND action = 'returnedForSupplement' ORDER BY seq DESC LIMIT 1").pluck().get(claimed.caseId) as string;
    db.close();
    expect(stored).toContain(fullId);
    const trail = value(await h.call('audit:list', supervisor, { filter: { caseRef: claimed.caseId }, startRow: 0, endRow: 50 }));
    expect(trail.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail.rows)).not.toContain(fullId);
    expect(JSON.stringify(trail.rows)).toContain(masked);
    const csv = value(await h.call('audit:exportCsv', supervisor, { filter: { caseRef: claimed.caseId } })).csv;
    expect(csv).not.toContain(fullId);
    expect(csv).toContain(masked);
  });

  it('an identity number written into a proposal\'s conditions and comment is masked in the proposal a supervisor reads', async () => {
    const officer = await h.login('liqiang');
    const claimed = value(await h.call('queue:claimNext', officer, { queue: 'approval_retail' }));
    const detail = value(await h.call('case:get', officer, { caseId: claimed.caseId }));
    const proposal = {
      decision: 'approve' as const,
      amountFen: detail.application.amountFen,
      termMonths: 12,
      rateBp: 435,
      repaymentMethod: 'equal_installment' as const,
      conditions: `放款前核验借款人证件 ${fullId}`,
      comment: `证件号 ${fullId} 已核`,
    };
    value(await h.call('approval:propose', officer, { caseId: claimed.caseId, proposal }));
    const seen = value(await h.call('case:get', supervisor, { caseId: claimed.caseId })).proposal!;
    const masked = `${fullId.slice(0, 4)}${'*'.repeat(10)}${fullId.slice(-4)}`;
    expect({ conditions: seen.conditions, comment: seen.comment }).toEqual({ conditions: `放款前核验借款人证件 ${masked}`, comment: `证件号 ${masked} 已核` });
    expect(value(await h.call('case:get', officer, { caseId: claimed.caseId })).proposal!.conditions).toContain(fullId);
  });
});
