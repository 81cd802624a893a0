import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiToken, call, login, value, watchPageErrors } from './support/pages';

/**
 * The supervisor dashboard in Chromium on the shared demo host: it draws its charts, a figure opens exactly
 * the cases behind it, and a reassignment from a drill-down lands in the new holder's queue.
 */

function demoDb(): Database.Database {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR not set: global-setup did not run');
  return new Database(join(dir, 'workbench.sqlite'), { readonly: true });
}

async function openDashboard(page: Page): Promise<string> {
  await login(page, 'zhouyan');
  await page.getByTestId('nav-dashboard').click();
  const body = page.getByTestId('dash-body');
  await expect(body).toBeVisible();
  await expect(body).toHaveAttribute('data-loading', 'false');
  return (await body.getAttribute('data-as-of'))!;
}

/** Pixels of a chart's canvas in a saturated colour (the series), not white, black or grey (axes, text). */
function colouredPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
    }
    return n;
  });
}

/** Row ids, application numbers, state and holder of the drill-down rows on screen, in display order. */
async function drillRows(page: Page) {
  const rows = page.getByTestId('dash-drill-grid').locator('.ag-row[row-id]');
  await expect(rows.first()).toBeVisible();
  // A row may be split over several containers (the selection column sits apart); its cells are merged by id.
  const parts = await rows.evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('row-id')!,
      index: Number(el.getAttribute('row-index')),
      cells: Object.fromEntries(Array.from(el.querySelectorAll('[col-id]'), (c) => [c.getAttribute('col-id')!, c.textContent ?? ''])),
    })),
  );
  const byId = new Map<string, { id: string; index: number; cells: Record<string, string> }>();
  for (const p of parts) byId.set(p.id, { ...p, cells: { ...byId.get(p.id)?.cells, ...p.cells } });
  return [...byId.values()]
    .sort((a, b) => a.index - b.index)
    .map((r) => ({ id: r.id, appNo: r.cells.appNo ?? '', state: r.cells.state ?? '', assignee: r.cells.assigneeName ?? '' }));
}

test('the dashboard draws its charts and tables from the demo trail', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 2400 });
  await openDashboard(page);
  for (const chart of ['throughput', 'cycle', 'backlog', 'sla']) {
    const canvas = page.getByTestId(`dash-chart-${chart}`).locator('canvas').first();
    await expect(canvas).toBeVisible();
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(200);
    // Drawn with data: the series are in the palette's colours, while axes, grid and labels are grey. With the
    // demo data the sparsest chart (throughput's stacked bars) colours about 7,000 pixels, its legend included.
    await expect.poll(() => colouredPixels(canvas), { message: `${chart} chart has coloured marks`, timeout: 10_000 }).toBeGreaterThan(5_000);
  }
  expect(Number((await page.getByTestId('dash-kpi-exits').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''))).toBeGreaterThan(100);
  await expect(page.getByTestId('dash-people-grid').locator('.ag-row').first()).toBeVisible();
  await expect(page.getByTestId('dash-stages')).toContainText('资料审核');
  await page.getByTestId('dash-throughput-by').getByText('按小时').click();
  await page.waitForTimeout(500); // let the chart finish drawing before the picture is taken
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
  // Screening's rule hits, as recorded, in the chosen language.
  const rules = page.getByTestId('dash-rules');
  await expect(rules).toContainText('R061 BAD_DEBT: 存在不良或呆账记录');
  await page.getByTestId('lang-switch').click();
  await expect(rules).toContainText('R061 BAD_DEBT: Non-performing or written-off debt');
  await expect(rules).not.toContainText('存在不良或呆账记录');
  expect(errors).toEqual([]);
});

test('a figure drills down to exactly the cases behind it', async ({ page }) => {
  const asOf = await openDashboard(page);
  await page.getByTestId('dash-kpi-breachingNow').click();
  await expect(page.getByTestId('dash-drill')).toBeVisible();
  const db = demoDb();
  const expected = db
    .prepare(
      `SELECT id, app_no FROM cases WHERE state IN ('submitted','doc_check','investigation','approval','proposed')
       AND sla_due_at IS NOT NULL AND sla_due_at < ? ORDER BY sla_due_at, app_no`,
    )
    .all(asOf) as { id: string; app_no: string }[];
  db.close();
  expect(expected.length).toBeGreaterThan(10);
  await expect(page.getByTestId('dash-drill-total')).toHaveAttribute('data-total', String(expected.length));
  const shown = await drillRows(page);
  expect(shown.slice(0, 10).map((r) => r.id)).toEqual(expected.slice(0, 10).map((r) => r.id));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dash-drill')).toBeHidden();

  // A bar of the backlog chart: the 资料审核 row, clicked just right of the axis (its first non-empty segment).
  await page.getByTestId('dash-chart-backlog').scrollIntoViewIfNeeded();
  const chart = (await page.getByTestId('dash-chart-backlog').boundingBox())!;
  const stageBand = (300 - 36 - 28) / 6;
  await page.mouse.click(chart.x + 96 + 4, chart.y + 36 + stageBand / 2);
  await expect(page.locator('.ant-drawer-title')).toContainText('资料审核');
  const rows = await drillRows(page);
  for (const r of rows) expect(['已受理', '资料审核中']).toContain(r.state);
});

test('a reassignment from a drill-down shows up in the new holder’s queue', async ({ page, browser }) => {
  const before = await openDashboard(page);
  // The backlog of document checking: the cases there at the end of the period; take two nobody holds.
  await page.getByTestId('dash-filter-stage').click();
  await page.locator('.ant-select-item-option', { hasText: '资料审核' }).click();
  await expect(page.getByTestId('dash-body')).not.toHaveAttribute('data-as-of', before);
  await expect(page.getByTestId('dash-body')).toHaveAttribute('data-loading', 'false');
  await page.getByTestId('dash-kpi-backlog').click();
  const rows = (await drillRows(page)).filter((r) => r.state === '已受理' && r.assignee === '').slice(0, 2);
  expect(rows).toHaveLength(2);
  for (const r of rows) await page.getByTestId('dash-drill-grid').locator(`.ag-row[row-id="${r.id}"] .ag-checkbox-input`).first().click();
  await page.getByTestId('dash-reassign-user').click();
  await page.getByTestId('dash-reassign-option-u-clerk-2').click();
  await page.getByTestId('dash-reassign-reason').fill('张敏请假，转王芳处理');
  await page.getByTestId('dash-reassign-submit').click();
  await expect(page.getByTestId('dash-reassign-result')).toHaveAttribute('data-succeeded', '2');
  await expect(page.getByTestId('dash-reassign-result')).toHaveAttribute('data-failed', '0');

  const wangfang = await (await browser.newContext()).newPage();
  await login(wangfang, 'wangfang');
  await wangfang.getByTestId('nav-queue-mine').click();
  for (const r of rows) {
    await wangfang.getByTestId('queue-search').fill(r.appNo);
    await expect(wangfang.locator(`[data-testid="queue-grid"] .ag-row[row-id="${r.id}"]`)).toBeVisible();
  }
  const db = demoDb();
  const audited = db
    .prepare("SELECT count(*) AS n FROM audit WHERE action = 'assigned' AND actor_id = 'u-super-1' AND case_id IN (?, ?) AND details LIKE '%张敏请假%'")
    .get(rows[0]!.id, rows[1]!.id) as { n: number };
  db.close();
  expect(audited.n).toBe(2);
});

test('the dashboard follows new work as it happens, without a reload', async ({ page }) => {
  await openDashboard(page);
  const exits = async () => Number((await page.getByTestId('dash-kpi-exits').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
  const before = await exits();
  // The page's own refresh, with nobody at the keyboard or mouse, goes as a background call: it must not keep
  // an unattended session alive on the host.
  const refreshes: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/dashboard/')) refreshes.push(r.headers()['x-workbench-background']);
  });
  await page.waitForTimeout(3_100);
  // A clerk elsewhere passes a case on: it leaves 资料审核 (and screening runs after it).
  const clerk = await apiToken(page, 'wangfang');
  const claimed = await value(call(page, 'queue:claimNext', { queue: 'doc_check' }, { token: clerk }));
  await value(call(page, 'case:passDocCheck', { caseId: claimed.caseId }, { token: clerk }));
  await expect.poll(exits, { message: 'the exits figure follows the host’s events', timeout: 15_000 }).toBeGreaterThan(before);
  expect(refreshes.length).toBeGreaterThan(0);
  expect(refreshes.every((h) => h === '1')).toBe(true);
});
