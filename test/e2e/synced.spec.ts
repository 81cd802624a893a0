import { expect, test, type BrowserContext } from '@playwright/test';
import { call, DEMO_PASSWORD, login, value, watchPageErrors } from './support/pages';
import { syncedHostForSpec } from './support/synced-host';

/*
 * The workbench as `npm start` runs it: the desktop synced with a central server (embedded, PGlite in the
 * data folder). The other specs run a standalone host; here claims are the server's, and so are the
 * authority matrix an administrator edits and the versions an officer reads.
 */

const host = syncedHostForSpec(60);

test('a clerk on a synced desktop sees it online and claims the next case from the server', async ({ page }) => {
  const errors = watchPageErrors(page);
  await login(page, 'zhangmin', DEMO_PASSWORD, host.url);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('nav-queue-doc_check').click();
  await expect(page.getByTestId('queue-grid').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('claim-next').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('case-assignee')).toHaveText('张敏');
  await expect(page.getByTestId('case-history')).toContainText('领取');
  // Decided by the server: nothing of it waits in this desktop's outbox.
  await expect(page.getByTestId('sync-pending')).toContainText('0');
  const status = await value(call(page, 'sync:status', {}, { url: host.url }));
  expect(status).toMatchObject({ mode: 'central', online: true, pendingCommands: 0 });
  expect(errors).toEqual([]);
});

test("an administrator edits the server's authority matrix from the page; an officer reads the new version, read-only", async ({ browser }) => {
  // Pages of their own context, closed at the end: an open event stream would hold the host's shutdown.
  const context = await browser.newContext();
  try {
    await authorityEdit(context);
  } finally {
    await context.close();
  }
});

async function authorityEdit(context: BrowserContext) {
  const admin = await context.newPage();
  const errors = watchPageErrors(admin);
  await login(admin, 'admin', DEMO_PASSWORD, host.url);
  await admin.getByTestId('nav-authority').click();
  await expect(admin.getByTestId('authority-current')).toHaveAttribute('data-version', '1');
  await expect(admin.getByTestId('authority-read-only')).toHaveCount(0);
  await admin.getByTestId('authority-max-0').fill('90');
  await admin.getByTestId('authority-note').fill('总行统一下调审批员上限');
  await admin.getByTestId('authority-save').click();
  await expect(admin.getByTestId('authority-current')).toHaveAttribute('data-version', '2');
  await expect(admin.getByTestId('authority-max-0')).toHaveValue('90');
  expect(errors).toEqual([]);

  const officer = await context.newPage();
  await login(officer, 'liqiang', DEMO_PASSWORD, host.url);
  await officer.getByTestId('nav-authority').click();
  await expect(officer.getByTestId('authority-current')).toHaveAttribute('data-version', '2');
  await expect(officer.getByTestId('authority-read-only')).toHaveText('只有系统管理员可以修改审批权限表');
  await expect(officer.getByTestId('authority-save')).toHaveCount(0);
  await expect(officer.getByTestId('authority-max-0')).toBeDisabled();
  // Saved on the server, not in this desktop's own copy: the API says the same, with the version it is in.
  const seen = await value(call(officer, 'authority:get', {}, { url: host.url }));
  expect(seen.current).toMatchObject({ version: 2, note: '总行统一下调审批员上限' });
  expect(seen.current.rules[0].maxAmountFen).toBe(90_000_000);
}
