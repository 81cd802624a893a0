import { expect, test, type Page } from '@playwright/test';
import { demoVariant, type DemoVariant } from '../../electron/host/documents/demo-variant';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../shared/documents/kinds';
import { prng } from '../../electron/host/demo/seed';
import { renderSpecimen } from '../fixtures/documents/render';
import { randomIdCard, randomProperty } from '../fixtures/documents/specimens';
import { idNumberCheckDigit } from '../../shared/validators/id-number';
import { apiToken, baseUrl, call, login, value, watchPageErrors } from './support/pages';

/** An unclaimed case waiting in 资料审核 whose demo documents are of the wanted kind (see demo-variant.ts). */
/**
 * Products whose demo set has a document of their own (demo-documents.ts): a `missing_document` case of one
 * lacks that document. Of any other product for a person, the ID card's front is the one missing.
 */
const OWN_DOCUMENT_PRODUCTS = ['tax_loan', 'mortgage_fast', 'credit_fast', 'invoice_finance'];

async function pickCase(page: Page, token: string, variant: DemoVariant, exclude: string[] = [], products?: readonly string[]): Promise<string> {
  const { rows } = (await value(call(page, 'queue:list', { queue: 'doc_check', startRow: 0, endRow: 500 }, { token }))) as {
    rows: { id: string; state: string; assigneeId: string | null; productCode: string }[];
  };
  const row = rows.find(
    (r) => r.state === 'submitted' && r.assigneeId === null && demoVariant(r.id) === variant && !exclude.includes(r.id) && (!products || products.includes(r.productCode)),
  );
  if (!row) throw new Error(`no unclaimed ${variant} demo case in the queue`);
  return row.id;
}

async function claimAndWaitForRecognition(page: Page, caseId: string) {
  await page.goto(`${baseUrl()}#/case/${encodeURIComponent(caseId)}`);
  await page.getByTestId('action-claim').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'doc_check');
  await expect(page.getByTestId('doc-desk')).toBeVisible();
  const items = page.locator('[data-testid^="doc-item-"]');
  await expect(items.first()).toBeVisible();
  // Every document recognised: the desk polls the queue and shows progress until then.
  await expect(page.locator('[data-testid^="doc-item-"][data-status="queued"], [data-testid^="doc-item-"][data-status="running"]')).toHaveCount(0, { timeout: 120_000 });
}

test('a clerk checks a demo case: fields beside the image, one confirmed, one corrected, returned for a missing document', async ({ page }) => {
  const errors = watchPageErrors(page);
  const supervisor = await apiToken(page, 'zhouyan');
  // The ID card's front must be there: it is what the clerk checks below.
  const caseId = await pickCase(page, await apiToken(page, 'zhangmin'), 'missing_document', [], OWN_DOCUMENT_PRODUCTS);
  await login(page, 'zhangmin');
  await claimAndWaitForRecognition(page, caseId);

  // The ID card's front, its image and its recognised fields side by side.
  const front = page.locator('[data-testid^="doc-item-"][data-kind="id_card_front"]');
  await front.click();
  await expect(page.getByTestId('viewer-image')).toBeVisible();
  await expect(page.getByTestId('field-row-idNumber')).toBeVisible();
  await expect(page.getByTestId('field-value-idNumber')).toHaveText(/^\d{17}[\dX]$/);
  await expect(page.getByTestId('crosscheck-applicant_id_number')).toHaveAttribute('data-status', 'pass');

  // Keyboard: J to the next field (性别), Enter confirms it, also after a mouse click left focus on the zoom
  // button (Enter presses a button only when the user reached it by keyboard).
  const zoom = await page.getByTestId('viewer-zoom').innerText();
  await page.getByTestId('viewer-zoom-in').click();
  await expect(page.getByTestId('viewer-zoom')).not.toHaveText(zoom);
  const zoomed = await page.getByTestId('viewer-zoom').innerText();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-row-gender')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('viewer-zoom')).toHaveText(zoomed);

  // Correct one field; the correction is audited and shows in the history.
  await page.getByTestId('field-correct-ethnicity').click();
  await page.getByTestId('field-input-ethnicity').fill('回');
  await page.getByTestId('field-save-ethnicity').click();
  await expect(page.getByTestId('field-row-ethnicity')).toHaveAttribute('data-status', 'corrected');
  await expect(page.getByTestId('field-value-ethnicity')).toHaveText('回');
  await expect(page.getByTestId('case-history')).toContainText('更正识别结果');

  // A required document is missing: the desk says which, and 退回补件 offers it ticked.
  const missing = page.locator('[data-testid^="checklist-missing-"]');
  await expect(missing).toHaveCount(1);
  const kind = ((await missing.getAttribute('data-testid')) ?? '').replace('checklist-missing-', '') as DocumentKind;
  await page.keyboard.press('b');
  await expect(page.getByTestId(`return-missing-${kind}`)).toBeChecked();
  // More reasons than one return carries: the dialog says so plainly and keeps what was ticked.
  const ticks = page.locator('[data-testid^="return-doc-"], [data-testid^="return-reason-"]');
  expect(await ticks.count()).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < 10; i++) await ticks.nth(i).click();
  await page.getByTestId('return-note').fill('请补充上传后重新提交');
  await page.getByTestId('return-submit').click();
  await expect(page.getByText('一次最多退回 10 项原因（已选 11 项）')).toBeVisible();
  // Switching the language while it shows re-words it (the switch sits under the dialog's mask).
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await expect(page.getByText('At most 10 reasons per return (11 chosen); combine or drop some')).toBeVisible();
  await page.getByTestId('lang-switch').dispatchEvent('click');
  await expect(page.getByText('一次最多退回 10 项原因（已选 11 项）')).toBeVisible();
  for (let i = 0; i < 10; i++) await ticks.nth(i).click();
  await page.getByTestId('return-submit').click();
  await expect(page.getByTestId('case-page')).toBeHidden();

  const after = (await value(call(page, 'case:get', { caseId }, { token: supervisor }))) as { state: string; history: { action: string; details: { reasons?: string[] } }[] };
  expect(after.state).toBe('returned');
  expect(after.history.at(-1)!.details.reasons).toContain(`缺少${DOCUMENT_KIND_LABELS[kind].zh}`);
  expect(after.history.map((h) => h.action)).toEqual(expect.arrayContaining(['documentFieldConfirmed', 'documentFieldCorrected', 'returnedForSupplement']));
  expect(errors).toEqual([]);
});

test('a clerk adds a document with the file picker and another by dragging it, sees them read, and passes a case whose documents agree on to screening', async ({ page }) => {
  const errors = watchPageErrors(page);
  const supervisor = await apiToken(page, 'zhouyan');
  const caseId = await pickCase(page, await apiToken(page, 'wangfang'), 'clean');
  await login(page, 'wangfang');
  await claimAndWaitForRecognition(page, caseId);
  await expect(page.getByTestId('crosscheck-applicant_id_number')).toHaveAttribute('data-status', 'pass');
  await expect(page.locator('[data-testid^="checklist-missing-"]')).toHaveCount(0);

  // Zoom in and back to fit, rotate, from the keyboard.
  await expect(page.getByTestId('viewer-image')).toBeVisible();
  const zoom = page.getByTestId('viewer-zoom');
  const fitted = await zoom.innerText();
  await page.keyboard.press('+');
  await expect(zoom).not.toHaveText(fitted);
  await page.keyboard.press('0');
  await expect(zoom).toHaveText(fitted);
  await page.keyboard.press('.');
  await expect(page.locator('.doc-viewer-sheet')).toHaveAttribute('data-turns', '1');

  // The branch sends one more paper: the clerk adds it with the file picker; it is read and its kind found.
  const before = await page.locator('[data-testid^="doc-item-"]').count();
  const scan = await renderSpecimen({ kind: 'property_certificate', data: randomProperty(prng(7)) });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /上传资料/ }).click();
  await (await chooser).setFiles({ name: '房产证扫描.png', mimeType: 'image/png', buffer: scan.bytes });
  await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(page.locator('[data-testid^="doc-item-"][data-kind="property_certificate"][data-status="done"]')).toHaveCount(1, { timeout: 60_000 });

  // And another dragged from the desktop onto the upload area.
  const dragged = await renderSpecimen({ kind: 'property_certificate', data: randomProperty(prng(8)) });
  const files = await page.evaluateHandle(({ base64, name }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
    return transfer;
  }, { base64: dragged.bytes.toString('base64'), name: '房产证第二页.png' });
  await page.locator('.doc-upload input[type=file]').locator('..').dispatchEvent('drop', { dataTransfer: files });
  await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(before + 2, { timeout: 30_000 });
  await expect(page.locator('[data-testid^="doc-item-"][data-kind="property_certificate"][data-status="done"]')).toHaveCount(2, { timeout: 60_000 });

  // 通过: on to screening (which then runs by itself).
  await page.keyboard.press('p');
  await expect
    .poll(async () => ((await value(call(page, 'case:get', { caseId }, { token: supervisor }))) as { history: { action: string }[] }).history.map((h) => h.action), { timeout: 15_000 })
    .toContain('docCheckPassed');
  expect(errors).toEqual([]);
});

test('a doubtful field is highlighted until the clerk corrects it: an ID number whose check digit is wrong', async ({ page }) => {
  const errors = watchPageErrors(page);
  const caseId = await pickCase(page, await apiToken(page, 'zhangmin'), 'clean');
  await login(page, 'zhangmin');
  await claimAndWaitForRecognition(page, caseId);

  // A scan of an ID card whose number was printed with the wrong check digit.
  const { front } = randomIdCard(prng(31), '2026-11-24');
  const right = front.idNumber;
  const wrong = right.slice(0, 17) + (right[17] === '1' ? '2' : '1');
  const scan = await renderSpecimen({ kind: 'id_card_front', data: { ...front, idNumber: wrong } });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /上传资料/ }).click();
  await (await chooser).setFiles({ name: '身份证校验位.png', mimeType: 'image/png', buffer: scan.bytes });
  const item = page.locator('[data-testid^="doc-item-"]').filter({ hasText: '身份证校验位.png' });
  await expect(item).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // The host says why: the number's check digit (the page's highlight must follow that, not a guess).
  const desk = (await value(call(page, 'documents:desk', { caseId }, { token: await apiToken(page, 'zhangmin') }))) as {
    documents: { fileName: string; fields: { key: string; doubtful: boolean; problems: string[] }[] }[];
  };
  const fields = desk.documents.find((d) => d.fileName === '身份证校验位.png')!.fields;
  expect(fields.find((f) => f.key === 'idNumber')).toMatchObject({ doubtful: true, problems: ['check_digit'] });
  const doubtfulBefore = fields.filter((f) => f.doubtful).length;
  await expect(item).toContainText(`${doubtfulBefore} ⚠`);
  await item.click();

  const row = page.getByTestId('field-row-idNumber');
  await expect(page.getByTestId('field-value-idNumber')).toHaveText(wrong);
  await expect(row).toHaveAttribute('data-doubtful', 'true');
  await expect(row).toHaveClass(/doc-field-doubtful/);
  await expect(row).toHaveCSS('background-color', 'rgb(255, 247, 230)');
  // A field read surely beside it is not highlighted.
  await expect(page.getByTestId('field-row-gender')).toHaveAttribute('data-doubtful', 'false');
  await expect(page.getByTestId('field-row-gender')).not.toHaveCSS('background-color', 'rgb(255, 247, 230)');

  // Corrected to the number with its right check digit: reviewed, no longer highlighted.
  expect(idNumberCheckDigit(right.slice(0, 17))).toBe(right[17]);
  await page.getByTestId('field-correct-idNumber').click();
  await page.getByTestId('field-input-idNumber').fill(right);
  await page.getByTestId('field-save-idNumber').click();
  await expect(row).toHaveAttribute('data-status', 'corrected');
  await expect(row).not.toHaveClass(/doc-field-doubtful/);
  await expect(page.getByTestId('field-value-idNumber')).toHaveText(right);
  // The list counts one doubtful field fewer.
  if (doubtfulBefore > 1) await expect(item).toContainText(`${doubtfulBefore - 1} ⚠`);
  else await expect(item).not.toContainText('⚠');
  expect(errors).toEqual([]);
});
