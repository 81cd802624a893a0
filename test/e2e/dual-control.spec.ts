import { readFileSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../shared/documents/kinds';
import { startBrowserHost } from './support/browser-host';
import { apiToken, baseUrl, call, DEMO_PASSWORD, loggedInPage, login, value, watchPageErrors } from './support/pages';

/**
 * Approval under dual control in Chromium (issue 5): officer A proposes, cannot confirm in the UI or through
 * the API, officer B confirms, the case reaches the contract desk, and the auditor finds B's confirmation.
 * Cases are picked through the API at run time (unclaimed, smallest first), never by fixed ids, so the spec
 * does not depend on what other specs did to the shared host.
 */

const WAN = 1_000_000; // 1万元 in fen

/**
 * An unclaimed retail approval case of at most 50万 that this officer may claim and whose documents were not
 * checked by either officer of the pair (so segregation of duties cannot get in the way), smallest first.
 */
async function pickApprovalCase(page: Page, exclude: string[] = []): Promise<{ id: string; appNo: string; amountFen: number }> {
  const pageOfRows = await value(call(page, 'queue:list', { queue: 'approval_retail', startRow: 0, endRow: 200, sort: [{ colId: 'amountFen', sort: 'asc' }] }));
  for (const row of pageOfRows.rows as { id: string; appNo: string; amountFen: number; assigneeId: string | null }[]) {
    if (row.assigneeId !== null || row.amountFen > 50 * WAN || exclude.includes(row.id)) continue;
    const detail = await value(call(page, 'case:get', { caseId: row.id }));
    if (detail.allowedActions.includes('claim') && !['u-officer-1', 'u-officer-2'].includes(detail.checkedBy)) {
      return { id: row.id, appNo: row.appNo, amountFen: row.amountFen };
    }
  }
  throw new Error('no unclaimed retail approval case of at most 50万 in the demo data');
}

/** Fen as the yuan text a person would type, by integer arithmetic ('12345.6' never appears). */
function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`${baseUrl()}#/case/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('case-page')).toBeVisible();
}

test('A proposes; A cannot confirm in the UI or the API; B confirms; contract desk and auditor see it', async ({ browser }, testInfo) => {
  const a = await loggedInPage(browser, 'liqiang');
  const errors = watchPageErrors(a);
  const picked = await pickApprovalCase(a);
  const approvedFen = picked.amountFen - 1; // one fen less than applied: the conversion must be exact

  await test.step('officer A claims and proposes approval from the keyboard', async () => {
    await openCase(a, picked.id);
    await expect(a.getByTestId('approval-panel')).toBeVisible();
    // The documents slot of the evidence: the case's documents by kind, as the checking desk holds them.
    await expect(a.getByTestId('evidence-slot-documents')).toHaveAttribute('data-filled', 'true');
    const evidence = a.getByTestId('document-evidence');
    await expect(evidence).toBeVisible();
    const desk = await value(call(a, 'documents:desk', { caseId: picked.id }));
    expect(desk.documents.length).toBeGreaterThan(0);
    for (const d of desk.documents as { kind: DocumentKind }[]) await expect(evidence).toContainText(DOCUMENT_KIND_LABELS[d.kind].zh);
    await a.keyboard.press('c');
    await expect(a.getByTestId('case-assignee')).toHaveText('李强');
    await expect(a.getByTestId('propose-approve')).toBeVisible();
    await expect(a.getByTestId('confirm-button')).toHaveCount(0);

    await a.keyboard.press('a');
    await expect(a.getByTestId('propose-amount')).toBeFocused();
    await a.getByTestId('propose-amount').fill(yuanText(approvedFen));
    await a.getByTestId('propose-term').fill('12');
    await a.getByTestId('propose-rate').fill('4.35');
    await expect(a.getByTestId('propose-approve-form')).toContainText('即 435 个基点');
    await a.getByTestId('propose-method-equal_principal').click();
    await a.getByTestId('propose-conditions').fill('放款前核实经营流水');
    await expect(a.getByTestId('propose-required-hint')).toHaveAttribute('data-required', 'officer');
    await a.screenshot({ path: testInfo.outputPath('approval-panel-maker.png'), fullPage: true });
    await a.getByTestId('propose-conditions').press('Control+Enter');

    await expect(a.getByTestId('case-state')).toHaveAttribute('data-state', 'proposed');
    await expect(a.getByTestId('proposal-summary')).toContainText('李强');
    await expect(a.getByTestId('proposal-required')).toHaveText('审批员复核');
    const matrix = await value(call(a, 'authority:get', {}));
    await expect(a.getByTestId('proposal-matrix-version')).toHaveAttribute('data-version', String(matrix.current.version));
    const stored = (await value(call(a, 'case:get', { caseId: picked.id }))).proposal;
    expect(stored).toMatchObject({ decision: 'approve', amountFen: approvedFen, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_principal' });
  });

  await test.step('A has no confirm button and the API refuses A', async () => {
    await expect(a.getByTestId('approval-idle')).toHaveText('本人提交的审批意见须由另一名审批员复核');
    await expect(a.getByTestId('confirm-button')).toHaveCount(0);
    await expect(a.getByTestId('sendback-button')).toHaveCount(0);
    const refused = await call(a, 'approval:confirm', { caseId: picked.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('不能复核本人提交的审批意见');
  });

  const b = await loggedInPage(browser, 'zhaolei');
  await test.step('officer B claims and confirms with Y, then Enter in the dialog that asks', async () => {
    await openCase(b, picked.id);
    await expect(b.getByTestId('proposal-summary')).toContainText('李强');
    await b.keyboard.press('c');
    await expect(b.getByTestId('case-assignee')).toHaveText('赵磊');
    await expect(b.getByTestId('confirm-button')).toBeVisible();
    await expect(b.getByTestId('sendback-button')).toBeVisible();
    await b.screenshot({ path: testInfo.outputPath('approval-panel-checker.png'), fullPage: true });
    // K steps back through the document desk's fields on the same page; it must not confirm anything.
    await b.keyboard.press('k');
    // One key only asks: Escape leaves the proposal unconfirmed.
    await b.keyboard.press('y');
    await expect(b.getByTestId('confirm-dialog-terms')).toContainText('李强');
    await b.keyboard.press('Escape');
    await expect(b.getByTestId('confirm-dialog-terms')).toHaveCount(0);
    // Closed, the dialog's Enter is gone with it.
    const confirms: string[] = [];
    b.on('request', (r) => r.url().endsWith('/api/approval/confirm') && confirms.push(r.url()));
    await b.keyboard.press('Enter');
    expect((await value(call(b, 'case:get', { caseId: picked.id }))).state).toBe('proposed');
    expect(confirms).toEqual([]);
    const shown = await value(call(b, 'case:get', { caseId: picked.id }));
    // Y then Enter at once confirms (the dialog passes its focus over 取消 as it opens: Enter then cancelled).
    // The confirmation names the case as the dialog showed it, so a case changed meanwhile is refused.
    const sent = b.waitForRequest((r) => r.url().endsWith('/api/approval/confirm'));
    await b.keyboard.press('y');
    await b.keyboard.press('Enter');
    expect((await sent).postDataJSON()).toEqual({ caseId: picked.id, expectedVersion: shown.version });
    // The checker keeps sight of what he confirmed: the case is approved and he has nothing left to do on it.
    await expect(b.getByTestId('case-state')).toHaveAttribute('data-state', 'approved');
    await expect(b.getByTestId('confirm-button')).toHaveCount(0);
  });

  await test.step('the approved case is in the contract desk queue', async () => {
    const clerk = await loggedInPage(browser, 'zhangmin');
    await clerk.getByTestId('nav-queue-contract_desk').click();
    await clerk.getByTestId('queue-search').fill(picked.appNo);
    await expect(clerk.locator(`.ag-row[row-id="${picked.id}"]`)).toBeVisible();
    const detail = await value(call(clerk, 'case:get', { caseId: picked.id }));
    expect(detail.state).toBe('approved');
  });

  await test.step('the auditor filters by checker, sees B’s confirmation and exports it', async () => {
    const auditor = await loggedInPage(browser, 'wugang');
    await auditor.getByTestId('nav-audit').click();
    await expect(auditor.getByTestId('audit-table')).toBeVisible();
    await auditor.getByTestId('audit-filter-checker').fill('u-officer-2');
    await auditor.getByTestId('audit-filter-case').fill(picked.appNo);
    const rows = auditor.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(picked.appNo);
    await expect(rows.first()).toContainText('复核确认');
    await expect(rows.first()).toContainText('赵磊');
    await expect(rows.first()).toContainText('李强'); // the maker of the confirmed proposal

    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{8}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF序号 seq,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(picked.appNo);
    expect(lines[1]).toContain('confirmed');

    // The date filter speaks Chinese too: weekdays 一 … 日, the week starting on Monday.
    await auditor.getByTestId('audit-filter-dates').first().click();
    const weekdays = auditor.locator('.ant-picker-dropdown .ant-picker-content').first().locator('thead th');
    await expect(weekdays).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
    await auditor.keyboard.press('Escape');

    // The whole chain checked from the page: intact, and how many entries were checked.
    await auditor.getByTestId('audit-verify').click();
    await expect(auditor.getByTestId('audit-result')).toHaveAttribute('data-ok', 'true');
    const checked = Number(/(\d+)/.exec((await auditor.getByTestId('audit-result').innerText()).replace(/,/g, ''))?.[1]);
    expect(checked).toBeGreaterThan(1000);
  });
  expect(errors).toEqual([]);
});

test('B sends a proposal back with a comment; A sees it and returns the case to document checking', async ({ browser }) => {
  const a = await loggedInPage(browser, 'liqiang');
  const picked = await pickApprovalCase(a);
  await openCase(a, picked.id);
  await a.keyboard.press('c');
  await expect(a.getByTestId('propose-decline')).toBeVisible();
  await a.keyboard.press('x');
  await expect(a.getByTestId('decline-form')).toBeVisible();
  // Escape closes the open form and leaves the case page where it is.
  await a.keyboard.press('Escape');
  await expect(a.getByTestId('decline-form')).toHaveCount(0);
  await expect(a.getByTestId('case-page')).toBeVisible();
  await a.keyboard.press('x');
  await a.getByTestId('decline-submit').click();
  await expect(a.getByTestId('decline-problem')).toHaveText('请至少选择一项原因');
  // Re-worded when the language is switched while it shows.
  await a.getByTestId('lang-switch').dispatchEvent('click');
  await expect(a.getByTestId('decline-problem')).toHaveText('Choose at least one reason');
  await a.getByTestId('lang-switch').dispatchEvent('click');
  await a.getByTestId('decline-reason-2').check();
  await a.getByTestId('decline-text').fill('资产负债率超过 80%');
  await a.keyboard.press('Control+Enter');
  await expect(a.getByTestId('proposal-summary')).toContainText('负债率过高');

  const b = await loggedInPage(browser, 'zhaolei');
  await openCase(b, picked.id);
  await b.keyboard.press('c');
  await expect(b.getByTestId('sendback-button')).toBeVisible();
  await b.keyboard.press('s');
  await expect(b.getByTestId('sendback-comment')).toBeFocused();
  await b.keyboard.press('Control+Enter');
  await expect(b.getByTestId('sendback-problem')).toHaveText('请填写退回意见（至少 2 个字）');
  await b.getByTestId('lang-switch').dispatchEvent('click');
  await expect(b.getByTestId('sendback-problem')).toHaveText('Write a comment (at least 2 characters)');
  await b.getByTestId('lang-switch').dispatchEvent('click');
  await b.getByTestId('sendback-comment').fill('负债率口径有误，请按最新报表重新核算');
  await b.getByTestId('sendback-submit').click();
  // Sent back to A's approval queue: B no longer holds it.
  await expect(b.getByTestId('case-state')).toHaveAttribute('data-state', 'approval');
  await expect(b.getByTestId('case-assignee')).toHaveText('李强');
  await expect(b.getByTestId('confirm-button')).toHaveCount(0);

  // A's open page follows the change pushed by the host.
  await expect(a.getByTestId('approval-sentback-comment')).toHaveText('负债率口径有误，请按最新报表重新核算');
  await a.keyboard.press('s');
  await a.getByTestId('doccheck-reason-1').check();
  await a.getByTestId('doccheck-submit').click();
  // The case goes to the clerk who checked it; an officer cannot open a case in 资料审核: back to the queue.
  await expect(a.getByTestId('case-page')).toHaveCount(0);
  const supervisor = await apiToken(a, 'zhouyan');
  const detail = await value(call(a, 'case:get', { caseId: picked.id }, { token: supervisor }));
  expect(detail.state).toBe('doc_check');
  const history = detail.history as { action: string }[];
  expect(history.slice(-4).map((h) => h.action)).toEqual(['proposed', 'claimed', 'sentBack', 'returnedToDocCheck']);
});

test('an administrator saves an edited authority matrix as a new version', async ({ browser }) => {
  // Its own small host: a new matrix version must not change the rules other specs approve under.
  const host = await startBrowserHost({ demoCases: 30 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await login(page, 'admin', DEMO_PASSWORD, host.url);
    await page.getByTestId('nav-authority').click();
    await expect(page.getByTestId('authority-current')).toHaveAttribute('data-version', '1');
    await expect(page.getByTestId('authority-table').locator('tbody tr.ant-table-row')).toHaveCount(4);
    await expect(page.getByTestId('authority-max-0')).toHaveValue('100');

    await page.getByTestId('authority-max-0').fill('80.5');
    await expect(page.getByTestId('authority-table')).toContainText('80.5万元（含）');
    await page.getByTestId('authority-save').click();
    await expect(page.getByTestId('authority-problem')).toHaveText('请填写修改说明（至少 2 个字）');
    // A language switch re-words it.
    await page.getByTestId('lang-switch').dispatchEvent('click');
    await expect(page.getByTestId('authority-problem')).toHaveText('Say what changed (at least 2 characters)');
    await page.getByTestId('lang-switch').dispatchEvent('click');
    await expect(page.getByTestId('authority-problem')).toHaveText('请填写修改说明（至少 2 个字）');
    await page.getByTestId('authority-note').fill('下调审批员通用上限至 80.5 万');
    await page.getByTestId('authority-save').click();
    await expect(page.getByTestId('authority-current')).toHaveAttribute('data-version', '2');
    await expect(page.getByTestId('authority-version')).toHaveCount(2);
    await expect(page.getByTestId('authority-max-0')).toHaveValue('80.5');

    const saved = await value(call(page, 'authority:get', {}, { url: host.url }));
    expect(saved.current.rules[0]).toEqual({ role: 'officer', product: '*', riskGrade: '*', maxAmountFen: 80_500_000, inclusive: true });
    expect(saved.current.note).toBe('下调审批员通用上限至 80.5 万');
    expect(saved.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  } finally {
    // Close the page first: its open event stream would hold the host's graceful shutdown.
    await context.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
