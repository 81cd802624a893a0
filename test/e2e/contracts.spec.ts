import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login, watchPageErrors } from './support/pages';

/**
 * The contract desk in Chromium (issue 6): a clerk claims an approved case, generates its contract, sees it
 * rendered by pdf.js under the app's CSP (glyphs really drawn on the canvases), downloads exactly the stored
 * file, and records it, which completes the case. The administrator previews a template. The case is picked
 * at run time (first unclaimed row), so the spec does not depend on what other specs did to the shared host.
 */

/** Dark pixels on the preview's canvases: CJK text drawn by pdf.js from the embedded subset font. */
async function previewInk(page: Page): Promise<number[]> {
  return page.locator('[data-testid="contract-preview"] canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
      return dark;
    }),
  );
}

test('a clerk generates, previews, downloads and records a contract', async ({ page }) => {
  const errors = watchPageErrors(page);
  await login(page, 'zhangmin');
  await page.getByTestId('nav-contracts').click();
  const row = page.locator('[data-testid^="contract-queue-row-"]', { hasText: '未领取' }).first();
  await expect(row).toBeVisible();
  await row.click();
  // The parties as the contract will name them: the borrower and his kind of identifier.
  await expect(page.getByTestId('contract-decision')).toContainText(/借款人：.+（(居民身份证|统一社会信用代码) /);
  await page.getByTestId('contract-claim').click();
  await page.getByTestId('contract-generate').click();

  const preview = page.locator('[data-testid="contract-preview"][data-status="done"]');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const pages = Number(await preview.getAttribute('data-pages'));
  expect(pages).toBeGreaterThanOrEqual(2);
  const ink = await previewInk(page);
  expect(ink).toHaveLength(pages);
  for (const dark of ink) expect(dark).toBeGreaterThan(2_000);
  const contractNo = (await page.getByTestId('contract-number').textContent())!.trim();
  expect(contractNo).toMatch(/^\d+-\d{4}-JK\d{6}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contract-download-1').click()]);
  expect(download.suggestedFilename()).toBe(`${contractNo}-v1.pdf`);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const shown = await page.getByTestId('contract-versions').locator('.ant-typography-copy').count();
  expect(shown).toBe(1);
  const sha = createHash('sha256').update(bytes).digest('hex');
  await expect(page.getByTestId('contract-versions')).toContainText(sha.slice(0, 12));

  await page.getByTestId('contract-record-1').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('contract-case-state')).toHaveText('合同已生成');
  await expect(page.getByTestId('contract-generate')).toHaveCount(0);
  await expect(page.getByTestId('contract-versions')).toContainText('已登记');
  expect(errors).toEqual([]);
});

test('an administrator previews a contract template rendered from a sample case', async ({ page }) => {
  const errors = watchPageErrors(page);
  await login(page, 'admin');
  await page.getByTestId('nav-contract-templates').click();
  await expect(page.getByTestId('template-current')).toHaveAttribute('data-version', /\d+/);
  await page.getByTestId('template-preview').click();
  await expect(page.locator('[data-testid="contract-preview"][data-status="done"]')).toBeVisible({ timeout: 30_000 });
  for (const dark of await previewInk(page)) expect(dark).toBeGreaterThan(1_000);
  await page.getByTestId('template-json').fill('{ "docType": "loan", ');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-problem')).toContainText('JSON 格式错误');
  // Problems are re-worded by a language switch: the draft's own, and the host's refusal of a template.
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await expect(page.getByTestId('template-problem')).toContainText('Not valid JSON');
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await page.getByTestId('template-json').fill('{ "docType": "loan", "title": "" }');
  await page.getByTestId('template-save').click();
  const refused = page.getByTestId('template-problem');
  await expect(refused).toHaveText(/[\u4e00-\u9fff]/);
  const zh = await refused.innerText();
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await expect(refused).not.toHaveText(zh);
  await expect(refused).not.toHaveText(/[\u4e00-\u9fff]/);
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await expect(refused).toHaveText(zh);
  expect(errors).toEqual([]);
});
