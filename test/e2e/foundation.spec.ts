import { expect, test } from '@playwright/test';
import { baseUrl, call, login, openCaseId, watchPageErrors } from './support/pages';

test('a clerk sees the queue, claims the next case, opens it and releases it', async ({ page }) => {
  const errors = watchPageErrors(page);
  await login(page, 'zhangmin');
  const count = Number(await page.getByTestId('queue-count-doc_check').innerText());
  expect(count).toBeGreaterThan(100);

  await page.getByTestId('nav-queue-doc_check').click();
  const grid = page.getByTestId('queue-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await expect(grid.locator('.ag-header-cell-text', { hasText: '申请编号' })).toBeVisible();
  await expect(grid.locator('.ag-header-cell-text', { hasText: 'SLA 剩余' })).toBeVisible();

  await page.getByTestId('claim-next').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'doc_check');
  await expect(page.getByTestId('case-assignee')).toHaveText('张敏');
  const appNo = (await page.getByTestId('case-appno').innerText()).trim();
  expect(appNo).toMatch(/CF\d+/);
  await expect(page.getByTestId('case-history')).toContainText('领取');

  await page.getByTestId('action-release').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'submitted');
  await expect(page.getByTestId('case-assignee')).not.toHaveText('张敏');
  expect(errors).toEqual([]);
});

test('claim next works from the keyboard and the case shows its application', async ({ page }) => {
  await login(page, 'wangfang');
  await page.getByTestId('nav-queue-doc_check').click();
  await expect(page.getByTestId('queue-grid').locator('.ag-row').first()).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('case-assignee')).toHaveText('王芳');
  // A clerk needs the full ID number to compare with the documents.
  await expect(page.getByTestId('case-page')).toContainText(/\d{17}[\dX]/);
  await page.keyboard.press('r');
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'submitted');
  // Enter on a focused button presses it (the document desk's Enter, confirm the field, does not take it).
  await page.keyboard.press('c');
  await expect(page.getByTestId('case-assignee')).toHaveText('王芳');
  await page.getByTestId('action-release').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'submitted');
});

test('a supervisor reassigns a case with a reason and it appears in the new holder’s queue', async ({ browser }) => {
  const clerkPage = await (await browser.newContext()).newPage();
  const streams: { url: string; authorization: string | undefined }[] = [];
  clerkPage.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/events') streams.push({ url: r.url(), authorization: r.headers().authorization });
  });
  await login(clerkPage, 'zhangmin');
  await clerkPage.getByTestId('nav-queue-doc_check').click();
  await clerkPage.getByTestId('claim-next').click();
  await expect(clerkPage.getByTestId('case-assignee')).toHaveText('张敏');
  const caseId = openCaseId(clerkPage);

  const supervisor = await (await browser.newContext()).newPage();
  await login(supervisor, 'zhouyan');
  await supervisor.goto(`${baseUrl()}#/case/${encodeURIComponent(caseId)}`);
  await expect(supervisor.getByTestId('case-assignee')).toHaveText('张敏');
  // Supervisors do not need identity numbers or phone numbers: they are masked.
  await expect(supervisor.getByTestId('case-page')).toContainText(/\d{4}\*{10}[\dX]{4}/);
  await expect(supervisor.getByTestId('case-page')).toContainText(/1\d{2}\*{4}\d{4}/);
  await expect(supervisor.getByTestId('case-page')).not.toContainText(/1\d{10}/);
  await supervisor.getByTestId('action-assign').click();
  // Sent without a holder: the dialog says so, in the language chosen at the time it is read.
  await supervisor.getByTestId('assign-submit').click();
  await expect(supervisor.getByTestId('assign-problem')).toHaveText('请选择人员');
  await supervisor.getByTestId('lang-switch').dispatchEvent('click');
  await expect(supervisor.getByTestId('assign-problem')).toHaveText('Choose a person');
  await supervisor.getByTestId('lang-switch').dispatchEvent('click');
  await supervisor.getByTestId('assign-user').click();
  await supervisor.getByTestId('assign-option-u-clerk-2').click();
  await supervisor.getByTestId('assign-reason').fill('张敏外出培训，转王芳处理');
  await supervisor.getByTestId('assign-submit').click();
  await expect(supervisor.getByTestId('case-assignee')).toHaveText('王芳');
  await expect(supervisor.getByTestId('case-history')).toContainText('张敏外出培训，转王芳处理');

  const wangfang = await (await browser.newContext()).newPage();
  await login(wangfang, 'wangfang');
  await wangfang.getByTestId('nav-queue-mine').click();
  await expect(wangfang.locator(`.ag-row[row-id="${caseId}"]`)).toBeVisible();
  // The clerk who lost the case sees it change hands without reloading.
  await expect(clerkPage.getByTestId('case-assignee')).toHaveText('王芳');
  // That came over the event stream, whose session token went in a header and never in its URL.
  expect(streams.length).toBeGreaterThan(0);
  for (const stream of streams) {
    expect(stream.url).toBe(`${baseUrl()}api/events`);
    expect(stream.authorization).toMatch(/^Bearer \S+$/);
  }
});

test('a clerk cannot reach supervisor actions, in the UI or through the API', async ({ page }) => {
  await login(page, 'zhangmin');
  await expect(page.getByTestId('nav-queue-doc_check')).toBeVisible();
  await expect(page.getByTestId('nav-queue-all')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await page.getByTestId('nav-queue-doc_check').click();
  await page.getByTestId('claim-next').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
  await expect(page.getByTestId('action-assign')).toHaveCount(0);
  const caseId = openCaseId(page);

  await page.goto(`${baseUrl()}#/queue/all`);
  await expect(page.getByTestId('queue-grid')).toHaveCount(0);

  // Straight to the host with the clerk's own session: refused there too.
  const res = await call(page, 'case:assign', { caseId, assigneeId: 'u-clerk-2', reason: '越权分派测试' });
  expect(res.status).toBe(403);
  expect(res.body.error!.message).toBe('您没有执行此操作的权限');
});

test('the UI switches to English', async ({ page }) => {
  await login(page, 'zhouyan');
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('nav-work')).toContainText(/My work/i);
});

test('reading and typing without calling the host tells it every half minute that the session is in use', async ({ page }) => {
  // The page's clock is driven here: half-minute checks without waiting for them.
  await page.clock.install();
  await login(page, 'zhangmin');
  const keepAlives: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/auth/me')) keepAlives.push(r.headers()['x-workbench-background'] === '1' ? 'background' : 'user');
  });
  await page.keyboard.press('Shift');
  await page.clock.fastForward(31_000);
  await expect.poll(() => keepAlives).toEqual(['user']);
  // No input since: the next check tells the host nothing, so an unattended session can still time out there.
  await page.clock.fastForward(31_000);
  await page.waitForTimeout(500);
  expect(keepAlives).toEqual(['user']);
});
