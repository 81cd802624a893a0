import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: global-setup did not run');
  return url;
}

/** Logs in through the login form, as a person would, and waits for 我的工作 (on the shared host unless `url`). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, url = baseUrl()): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

/** Fails the test on any CSP violation or uncaught page error. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** A page of its own context, logged in as `username` on the shared host. */
export async function loggedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
}

export interface ApiAnswer {
  status: number;
  // `any`: JSON from the host, whose fields the test asserts one by one (the contract's own zod types are
  // for the app; re-parsing here would test the schema, not the behaviour).
  body: { ok: boolean; value?: any; error?: { code: string; message: string } };
}

export async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('cfw.session'));
  if (!token) throw new Error('no session token in sessionStorage');
  return token;
}

/**
 * One call of the browser-mode API, by default with this page's own session (as any script in the page
 * could) on the shared host, or with another token (`null`: none) or on another host.
 */
export async function call(page: Page, channel: string, input: unknown, opts: { url?: string; token?: string | null } = {}): Promise<ApiAnswer> {
  const [domain, verb] = channel.split(':');
  const token = opts.token === undefined ? await tokenOf(page) : opts.token;
  const res = await page.request.post(`${opts.url ?? baseUrl()}api/${domain}/${verb}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    data: input,
  });
  return { status: res.status(), body: await res.json() };
}

/** The answer's value; a refusal fails the test with what the host said. */
export async function value(answer: Promise<ApiAnswer>) {
  const a = await answer;
  if (!a.body.ok) throw new Error(`API refused: ${a.status} ${JSON.stringify(a.body.error)}`);
  return a.body.value;
}

/** A session of `username` logged in through the API (no page of its own), for reading what others did. */
export async function apiToken(page: Page, username: string, password = DEMO_PASSWORD, url = baseUrl()): Promise<string> {
  return (await value(call(page, 'auth:login', { username, password }, { url, token: null }))).token as string;
}

/** The case id from the URL of the open case page (#/case/<id>). */
export function openCaseId(page: Page): string {
  const m = /#\/case\/([^/?]+)/.exec(page.url());
  if (!m) throw new Error(`not on a case page: ${page.url()}`);
  return decodeURIComponent(m[1]!);
}
