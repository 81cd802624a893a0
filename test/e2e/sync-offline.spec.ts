import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCentralProcess } from '../integration/support/central-child';
import { loggedIn } from '../integration/support/central-login';
import { tcpGate } from '../integration/support/tcp-gate';
import { value as apiValue } from '../integration/support/result';
import { startBrowserHost } from './support/browser-host';
import { DEMO_PASSWORD, login, openCaseId, watchPageErrors } from './support/pages';

/*
 * A desktop whose connection to the central server is cut and restored (a TCP relay in between, so it is
 * offline in the real sense), as the clerk sees it: the status says offline and why, claiming is refused,
 * work on a held case waits in the outbox; when the server refuses that work on reconnect, the clerk is told
 * in plain words, the sync page lists it with its reason, and the case shows what the server decided.
 */

let central: Awaited<ReturnType<typeof startCentralProcess>>;
let gate: Awaited<ReturnType<typeof tcpGate>>;
let desk: Awaited<ReturnType<typeof startBrowserHost>>;
let centralDir: string;

test.beforeAll(async () => {
  centralDir = mkdtempSync(join(tmpdir(), 'cfw-e2e-central-'));
  central = await startCentralProcess({ dataDir: centralDir, demoCases: 40 });
  gate = await tcpGate(central.url);
  desk = await startBrowserHost({ demoCases: 0, centralUrl: gate.url });
});

test.afterAll(async () => {
  for (const child of [desk?.child, central?.child]) {
    if (!child || child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await gate?.stop();
  for (const dir of [desk?.dataDir, centralDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('offline: the status says so and why, claims are refused; work the server then refuses is listed with its reason and undone', async ({ page }) => {
  const errors = watchPageErrors(page);
  await login(page, 'zhangmin', DEMO_PASSWORD, desk.url);
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'online');
  await page.getByTestId('nav-queue-doc_check').click();
  await expect(page.getByTestId('queue-grid').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('claim-next').click();
  await expect(page.getByTestId('case-assignee')).toHaveText('张敏');
  const caseId = openCaseId(page);
  const appNo = (await page.getByTestId('case-appno').innerText()).trim();

  // The connection goes: the status turns to 离线 and says why.
  gate.cut();
  await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await status.hover();
  await expect(page.getByText('无法连接中央服务器。已领取的案件可继续处理')).toBeVisible();

  // The held case can still be worked: releasing it waits in the outbox.
  await page.getByTestId('action-release').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'submitted');
  await expect(page.getByTestId('sync-pending')).toHaveText(/\s1$/);

  // Claiming needs the server: refused, with the reason.
  await page.getByTestId('nav-queue-doc_check').click();
  await expect(page.getByTestId('queue-grid').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('claim-next').click();
  await expect(page.locator('.ant-message')).toContainText('当前离线，不能领取案件');

  // Meanwhile, at the server, the supervisor gives the case to 王芳 (from another desktop's protocol client).
  const { client, token: supervisor } = await loggedIn(central.url, 'zhouyan');
  const wang = apiValue(await client.users(supervisor)).users.find((u) => u.username === 'wangfang')!;
  const pushed = apiValue(
    await client.push(supervisor, [{ commandId: randomUUID(), name: 'assign', payload: { caseId, assigneeId: wang.id, reason: '张敏休假，改由王芳处理' }, createdAt: new Date().toISOString() }]),
  );
  expect(pushed.results[0]!.status).toBe('accepted');

  // Back online: the release is refused by the server; the clerk is told, and the case is 王芳's again here.
  gate.restore();
  await expect(status).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('sync-rejected-notice')).toContainText(`${appNo}：该案件由 王芳 处理中，您不能操作`, { timeout: 30_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText(/\s0$/);
  await expect(page.getByTestId('sync-rejected-count')).toHaveText('1');

  await status.click();
  const rejected = page.getByTestId('sync-rejected-table');
  await expect(rejected.locator('.ant-table-row')).toHaveCount(1);
  await expect(rejected).toContainText(appNo);
  await expect(rejected).toContainText('张敏');
  await expect(page.getByTestId('sync-rejected-reason')).toHaveText('该案件由 王芳 处理中，您不能操作');

  await rejected.getByText(appNo).click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'doc_check');
  await expect(page.getByTestId('case-assignee')).toHaveText('王芳');
  expect(errors).toEqual([]);
});
