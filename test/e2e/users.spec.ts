import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import * as pages from './support/pages';
import { DEMO_PASSWORD, value, watchPageErrors } from './support/pages';
import { syncedHostForSpec } from './support/synced-host';

/*
 * 用户管理: the administrator creates, edits, disables, unlocks accounts and resets passwords; auditors and
 * supervisors review them read-only. On the workbench as `npm start` runs it — synced with an embedded
 * central server, where the accounts live — so every change here goes through the server. Every account
 * changed is one this spec creates (e2e.*).
 */

const host = syncedHostForSpec(20);

/** The pages helpers, on this spec's synced host. */
const login = (page: Page, username: string, password = DEMO_PASSWORD) => pages.login(page, username, password, host.url);
const call = (page: Page, channel: string, input: unknown, opts: { token?: string | null } = {}) => pages.call(page, channel, input, { ...opts, url: host.url });
const apiToken = (page: Page, username: string, password: string) => pages.apiToken(page, username, password, host.url);

const CLERK_PASSWORD = 'Clerk#2026x';
/** What e2e.clerk sets for himself in place of the administrator's. */
const OWN_PASSWORD = 'Mine#2026ab';

/** Runs `body` with pages of fresh contexts, closed at the end: an open event stream holds the host's shutdown. */
async function withContexts(browser: Browser, count: number, body: (...contexts: BrowserContext[]) => Promise<void>) {
  const contexts = await Promise.all(Array.from({ length: count }, () => browser.newContext()));
  try {
    await body(...contexts);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

async function openUsersPage(page: Page): Promise<void> {
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('users-page')).toBeVisible();
  await expect(page.getByTestId('user-row-admin')).toBeVisible();
}

/**
 * Turns an antd Switch off and waits until it shows off. In one CI run the form was saved after a click on
 * the switch with the switch still on (it saved no change); a user would see that and click again.
 */
async function switchOff(sw: Locator): Promise<void> {
  await expect(async () => {
    if ((await sw.getAttribute('aria-checked')) === 'true') await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'false', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

async function typePasswords(page: Page, password: string, repeat = password): Promise<void> {
  await page.getByTestId('user-form-password').fill(password);
  await page.getByTestId('user-form-password2').fill(repeat);
}

async function fillNewUser(page: Page, f: { username: string; displayName: string; roles: string[]; password: string }): Promise<void> {
  await page.getByTestId('users-new').click();
  await page.getByTestId('user-form-username').fill(f.username);
  await page.getByTestId('user-form-display-name').fill(f.displayName);
  for (const role of f.roles) await page.getByTestId(`user-form-role-${role}`).check();
  await typePasswords(page, f.password);
}

test('an administrator creates a clerk who then sees the document queue; disabling him ends his session and his login', async ({ browser }) => {
  await withContexts(browser, 2, async (adminContext, clerkContext) => {
    const admin = await adminContext.newPage();
    const errors = watchPageErrors(admin);
    await login(admin, 'admin');
    await openUsersPage(admin);
    // The system user is listed, and nobody edits it.
    await expect(admin.getByTestId('user-row-system')).toContainText('系统');
    await expect(admin.getByTestId('user-edit-system')).toHaveCount(0);
    await expect(admin.getByTestId('user-row-liqiang')).toContainText('零售审批');

    await fillNewUser(admin, { username: 'e2e.clerk', displayName: '测试审核员', roles: ['clerk'], password: CLERK_PASSWORD });
    await admin.getByTestId('user-form-password2').press('Enter');
    await expect(admin.getByTestId('user-row-e2e.clerk')).toContainText('资料审核员');
    await expect(admin.getByTestId('user-status-e2e.clerk')).toHaveText('在用待本人改密');
    await expect(admin.getByTestId('user-form-username')).toHaveCount(0);

    // His first login asks for a password of his own before anything else.
    const clerk = await clerkContext.newPage();
    await clerk.goto(host.url);
    await clerk.getByTestId('login-username').fill('e2e.clerk');
    await clerk.getByTestId('login-password').fill(CLERK_PASSWORD);
    await clerk.getByTestId('login-submit').click();
    await expect(clerk.getByTestId('change-password-page')).toContainText('请修改初始密码');
    expect((await call(clerk, 'queue:counts', {})).body.error!.code).toBe('forbidden');
    await clerk.getByTestId('pw-current').fill(CLERK_PASSWORD);
    await clerk.getByTestId('pw-new').fill(CLERK_PASSWORD);
    await clerk.getByTestId('pw-repeat').fill(CLERK_PASSWORD);
    await clerk.getByTestId('pw-submit').click();
    await expect(clerk.getByTestId('pw-problem')).toHaveText('新密码不能与当前密码相同');
    await clerk.getByTestId('pw-new').fill(OWN_PASSWORD);
    await clerk.getByTestId('pw-repeat').fill(OWN_PASSWORD);
    await clerk.getByTestId('pw-repeat').press('Enter');
    await expect(clerk.getByTestId('nav-queue-doc_check')).toBeVisible();
    await expect(clerk.getByTestId('nav-users')).toHaveCount(0);
    // 修改密码 in the header: the current password is checked by the server.
    await clerk.getByTestId('header-change-password').click();
    await clerk.getByTestId('pw-current').fill('Wrong#2026x');
    await clerk.getByTestId('pw-new').fill('Other#2026cd');
    await clerk.getByTestId('pw-repeat').fill('Other#2026cd');
    await clerk.getByTestId('pw-submit').click();
    await expect(clerk.getByTestId('pw-problem')).toHaveText('当前密码不正确，还可尝试 4 次，之后账户将被锁定');
    await clerk.keyboard.press('Escape');
    await admin.getByTestId('users-refresh').click();
    await expect(admin.getByTestId('user-status-e2e.clerk')).toHaveText('在用');

    await admin.getByTestId('users-filter').fill('E2E.CL');
    await expect(admin.getByTestId('users-table').locator('tr.ant-table-row')).toHaveCount(1);
    // His token, read now: once his session has ended, his page may forget it before this test asks.
    const clerkToken = await pages.tokenOf(clerk);
    await admin.getByTestId('user-edit-e2e.clerk').click();
    await switchOff(admin.getByTestId('user-form-active'));
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('user-status-e2e.clerk')).toHaveText('已停用');
    await expect(admin.getByTestId('users-history').locator('tr', { hasText: 'e2e.clerk' }).first()).toContainText('状态：在用 → 已停用');

    // His open session has ended: the host refuses it, and a reload lands on the login page.
    expect((await call(clerk, 'auth:me', {}, { token: clerkToken })).body.ok).toBe(false);
    await clerk.reload();
    await clerk.getByTestId('login-username').fill('e2e.clerk');
    await clerk.getByTestId('login-password').fill(OWN_PASSWORD);
    await clerk.getByTestId('login-submit').click();
    await expect(clerk.getByTestId('login-error')).toHaveText(/用户名或密码错误|账户已停用/);
    expect(errors).toEqual([]);
  });
});

test('the new-user form refuses an administrator who also checks documents, a weak password and a taken username, staying open', async ({ browser }) => {
  await withContexts(browser, 1, async (context) => {
    const admin = await context.newPage();
    await login(admin, 'admin');
    await openUsersPage(admin);
    await fillNewUser(admin, { username: 'e2e.mixed', displayName: '测试混岗', roles: ['admin', 'clerk'], password: 'Mixed#2026x' });
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('users-problem')).toHaveText('岗位分离：系统管理员不能同时担任资料审核员');

    await admin.getByTestId('user-form-role-admin').uncheck();
    await typePasswords(admin, 'abc12345');
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('users-problem')).toContainText('密码至少 8 位');

    // The host's own refusal shows in the same place.
    await admin.getByTestId('user-form-username').fill('zhangmin');
    await typePasswords(admin, CLERK_PASSWORD);
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('users-problem')).toHaveText('用户名 zhangmin 已被使用');
    await expect(admin.getByTestId('user-form-username')).toBeVisible();

    const list = await value(call(admin, 'users:list', {}));
    expect(list.users.map((u: { username: string }) => u.username)).not.toContain('e2e.mixed');
  });
});

test('a clerk has no user administration, in the menu or through the API', async ({ browser }) => {
  await withContexts(browser, 1, async (context) => {
    const page = await context.newPage();
    await login(page, 'zhangmin');
    await expect(page.getByTestId('nav-queue-doc_check')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    const res = await call(page, 'users:list', {});
    expect(res.body.ok).toBe(false);
    expect(res.body.error!.code).toBe('forbidden');
  });
});

test('an administrator cannot disable himself, in the form or through the API', async ({ browser }) => {
  await withContexts(browser, 1, async (context) => {
    const admin = await context.newPage();
    await login(admin, 'admin');
    await openUsersPage(admin);
    await admin.getByTestId('user-edit-admin').click();
    await switchOff(admin.getByTestId('user-form-active'));
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('users-problem')).toHaveText('不能停用自己或撤销自己的管理员角色');
    await expect(admin.getByTestId('user-form-active')).toBeVisible();

    const me = (await value(call(admin, 'users:list', {}))).users.find((u: { username: string }) => u.username === 'admin');
    const res = await call(admin, 'users:update', { id: me.id, basedOnVersion: me.version, displayName: me.displayName, roles: ['admin'], team: null, active: false });
    expect(res.body.ok).toBe(false);
    expect(res.body.error!.code).toBe('forbidden');
    expect((await value(call(admin, 'auth:me', {}))).username).toBe('admin');
  });
});

test('an administrator unlocks an account locked by wrong passwords and resets its password', async ({ browser }) => {
  await withContexts(browser, 1, async (context) => {
    const admin = await context.newPage();
    await login(admin, 'admin');
    await value(call(admin, 'users:create', { username: 'e2e.locked', displayName: '测试锁定', roles: ['officer'], team: 'corporate', password: CLERK_PASSWORD }));
    for (let i = 0; i < 5; i++) await call(admin, 'auth:login', { username: 'e2e.locked', password: 'Wrong#2026' }, { token: null });

    await openUsersPage(admin);
    await expect(admin.getByTestId('user-row-e2e.locked')).toContainText('公司审批');
    await expect(admin.getByTestId('user-status-e2e.locked')).toContainText('已锁定至');
    await expect(admin.getByTestId('users-history').locator('tr', { hasText: 'e2e.locked' }).first()).toContainText('（系统自动）登录时密码连续错误');
    await admin.getByTestId('user-unlock-e2e.locked').click();
    await expect(admin.getByTestId('user-status-e2e.locked')).toHaveText('在用待本人改密');
    await expect(admin.getByTestId('user-unlock-e2e.locked')).toHaveCount(0);
    // His record alone: created, locked, unlocked — newest first.
    await admin.getByTestId('history-user').click();
    await admin.keyboard.type('e2e.locked');
    await admin.keyboard.press('Enter');
    const rows = admin.getByTestId('users-history').locator('tr.ant-table-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('解锁');
    await expect(rows.nth(1)).toContainText('锁定（系统自动）登录时密码连续错误');
    await expect(rows.nth(2)).toContainText('新建');
    for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('测试锁定（e2e.locked）');

    await admin.getByTestId('user-reset-e2e.locked').click();
    await typePasswords(admin, 'Reset#2026y', 'Reset#2026z');
    await admin.getByTestId('user-form-submit').click();
    await expect(admin.getByTestId('users-problem')).toHaveText('两次输入的密码不一致');
    await admin.getByTestId('user-form-password2').fill('Reset#2026y');
    await admin.getByTestId('user-form-password2').press('Enter');
    await expect(admin.getByTestId('user-form-password')).toHaveCount(0);
    expect(await apiToken(admin, 'e2e.locked', 'Reset#2026y')).toBeTruthy();
    expect((await call(admin, 'auth:login', { username: 'e2e.locked', password: CLERK_PASSWORD }, { token: null })).body.ok).toBe(false);

    // The page in English.
    await admin.getByTestId('lang-switch').click();
    await expect(admin.getByTestId('nav-users')).toHaveText('Users');
    await expect(admin.getByTestId('user-status-e2e.locked')).toHaveText('ActivePassword to be changed');
    await expect(admin.getByTestId('user-row-e2e.locked')).toContainText('Approval officer');
  });
});

test('wrong current passwords in 修改密码 lock the account: the fifth ends the session and the login page says why', async ({ browser }) => {
  await withContexts(browser, 2, async (adminContext, userContext) => {
    const admin = await adminContext.newPage();
    await login(admin, 'admin');
    await value(call(admin, 'users:create', { username: 'e2e.guess', displayName: '测试试密码', roles: ['clerk'], team: null, password: CLERK_PASSWORD }));
    const first = await apiToken(admin, 'e2e.guess', CLERK_PASSWORD);
    await value(call(admin, 'auth:changePassword', { currentPassword: CLERK_PASSWORD, newPassword: OWN_PASSWORD }, { token: first }));

    // Someone at his open workbench tries passwords in 修改密码.
    const page = await userContext.newPage();
    await login(page, 'e2e.guess', OWN_PASSWORD);
    await page.getByTestId('header-change-password').click();
    await page.getByTestId('pw-new').fill('Other#2026cd');
    await page.getByTestId('pw-repeat').fill('Other#2026cd');
    for (const left of [4, 3, 2, 1]) {
      await page.getByTestId('pw-current').fill(`Guess#2026${left}`);
      await page.getByTestId('pw-submit').click();
      await expect(page.getByTestId('pw-problem')).toHaveText(`当前密码不正确，还可尝试 ${left} 次，之后账户将被锁定`);
    }
    await page.getByTestId('pw-current').fill('Guess#2026x');
    await page.getByTestId('pw-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('密码错误次数过多，账户已锁定');
    await expect(page.getByTestId('header-user')).toHaveCount(0);
    await page.getByTestId('login-username').fill('e2e.guess');
    await page.getByTestId('login-password').fill(OWN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('账户已锁定');

    await openUsersPage(admin);
    await expect(admin.getByTestId('user-status-e2e.guess')).toContainText('已锁定至');
    await expect(admin.getByTestId('users-history').locator('tr', { hasText: 'e2e.guess' }).first()).toContainText('锁定（系统自动）修改密码时当前密码连续错误');
    await admin.getByTestId('user-unlock-e2e.guess').click();
    await expect(admin.getByTestId('user-status-e2e.guess')).toHaveText('在用');
    await login(page, 'e2e.guess', OWN_PASSWORD);
  });
});

test('the account history shows 200 changes at a time and the older ones on request', async ({ browser }) => {
  await withContexts(browser, 1, async (context) => {
    const admin = await context.newPage();
    await login(admin, 'admin');
    const { id } = (await value(call(admin, 'users:create', { username: 'e2e.many', displayName: '测试多次', roles: ['clerk'], team: null, password: CLERK_PASSWORD }))) as { id: string };
    let version = 1;
    for (let i = 0; i < 200; i++) {
      const edit = { id, basedOnVersion: version, displayName: `测试多次${i}`, roles: ['clerk'], team: null, active: true };
      version = ((await value(call(admin, 'users:update', edit))) as { version: number }).version;
    }
    await openUsersPage(admin);
    await admin.getByTestId('history-user').click();
    await admin.keyboard.type('e2e.many');
    await admin.keyboard.press('Enter');
    const history = admin.getByTestId('users-history');
    // 200 edits, 20 to a page: ten pages, and his creation is older still.
    await expect(history.locator('.ant-pagination-item-10')).toBeVisible();
    await expect(history.locator('.ant-pagination-item-11')).toHaveCount(0);
    await admin.getByTestId('history-older').click();
    await expect(history.locator('.ant-pagination-item-11')).toBeVisible();
    await expect(admin.getByTestId('history-older')).toHaveCount(0);
    await history.locator('.ant-pagination-item-11').click();
    await expect(history.locator('tr.ant-table-row')).toHaveCount(1);
    await expect(history.locator('tr.ant-table-row')).toContainText('新建');
  });
});

test('an auditor reviews the accounts and their history read-only; an officer does not reach the page', async ({ browser }) => {
  await withContexts(browser, 2, async (auditorContext, officerContext) => {
    const auditor = await auditorContext.newPage();
    await login(auditor, 'wugang');
    await auditor.getByTestId('nav-users').click();
    await expect(auditor.getByTestId('users-read-only')).toHaveText('仅系统管理员可修改用户账户');
    await expect(auditor.getByTestId('user-row-liqiang')).toContainText('审批员');
    await expect(auditor.getByTestId('users-history')).toBeVisible();
    await expect(auditor.getByTestId('users-new')).toHaveCount(0);
    await expect(auditor.getByTestId('user-edit-liqiang')).toHaveCount(0);
    // The server refuses his changes too, not only the page.
    const me = (await value(call(auditor, 'users:list', {}))).users.find((u: { username: string }) => u.username === 'liqiang');
    const res = await call(auditor, 'users:update', { id: me.id, basedOnVersion: me.version, displayName: me.displayName, roles: ['admin'], team: null, active: true });
    expect(res.body.error!.code).toBe('forbidden');

    const officer = await officerContext.newPage();
    await login(officer, 'liqiang');
    await expect(officer.getByTestId('nav-users')).toHaveCount(0);
    await officer.goto(`${host.url}#/users`);
    await expect(officer.locator('.ant-result-403')).toBeVisible();
    await expect(officer.getByTestId('users-page')).toHaveCount(0);
  });
});
