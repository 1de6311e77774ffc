import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test, staffPage } from './fixtures.ts';
import { STREET_OFFICIAL, shot } from './demo.ts';

/** Last month in Shanghai, 'YYYY-MM' and as the pages write it (2026年11月). */
function lastMonth(): { period: string; text: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  const month = d.getUTCMonth() + 1;
  return { period: `${d.getUTCFullYear()}-${String(month).padStart(2, '0')}`, text: `${d.getUTCFullYear()}年${month}月` };
}

/** The dashboard's heading: 「驾驶舱 · <place>」. */
const heading = (page: Page) => page.getByRole('heading', { level: 3, name: /^驾驶舱 · / });

/** A figure's card in its module's group (the role's 重点关注 group above may show it too). */
const card = (page: Page, group: string, name: string) => page.getByRole('region', { name: group, exact: true }).getByRole('button', { name, exact: true });

/** Opens a figure's card (in its module's group) and answers its drawer. */
async function openFigure(page: Page, group: string, name: string, place: string): Promise<Locator> {
  await card(page, group, name).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: `${name} · ${place}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

/** The first bytes of a download. */
const head = async (download: Download, n: number) => readFileSync(await download.path()).subarray(0, n).toString('latin1');

test('the street official reads the 驾驶舱, drills from the street to a compound and the rows behind a figure, and downloads the monthly dispatch report', async ({ browser }) => {
  const street = await staffPage(browser, STREET_OFFICIAL);

  // 驾驶舱 of the street: the figures as cards, grouped by module, and the rankings of its communities.
  await street.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '驾驶舱' }).click();
  await expect(heading(street)).toHaveText('驾驶舱 · 安和街道');
  await expect(card(street, '居民激活', '居民激活率')).toBeVisible();
  await expect(card(street, '物业收费', '物业费收缴率')).toBeVisible();
  // What a street official watches first: the rankings' figures lead the page.
  await expect(card(street, '重点关注', '工单按时办结率')).toBeVisible();
  await expect(street.getByRole('region', { name: '居民激活' })).toBeVisible();
  await expect(street.getByRole('img', { name: '下级排名 · 居民激活率' })).toBeVisible();
  await street.waitForTimeout(800); // the charts' first animation, for the screenshot only
  await street.screenshot({ path: shot('dashboard-street'), fullPage: true });

  // The activation ranking: the worst community is the last row; it opens that community's dashboard.
  const activation = await openFigure(street, '居民激活', '居民激活率', '安和街道');
  const rows = activation.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const worst = rows.last();
  const community = (await worst.locator('td').nth(1).innerText()).trim();
  expect(community).toMatch(/社区$/);
  await street.waitForTimeout(500); // the drawer's slide-in, for the screenshot only
  await street.screenshot({ path: shot('dashboard-ranking') });
  await worst.click();
  await expect(heading(street)).toHaveText(`驾驶舱 · ${community}`);
  await expect(street).toHaveURL(/\/dashboards\?place=[0-9a-f-]{36}/);
  await expect(street.locator('.ant-breadcrumb').getByRole('link', { name: '安和街道' })).toBeVisible();
  await street.screenshot({ path: shot('dashboard-community'), fullPage: true });
  // A drill-down is a navigation: Back climbs to the street, Forward returns.
  await street.goBack();
  await expect(heading(street)).toHaveText('驾驶舱 · 安和街道');
  await street.goForward();
  await expect(heading(street)).toHaveText(`驾驶舱 · ${community}`);

  // Down to a compound (community → grid → compound), through the committee coverage's ranking each time.
  for (let step = 0; step < 3 && !(await street.locator('.gz-page-head .ant-tag').filter({ hasText: /^小区$/ }).count()); step++) {
    const here = (await heading(street).innerText()).replace(/^驾驶舱 · /, '');
    const drawer = await openFigure(street, '基础信息', '业委会组建率', here);
    const first = drawer.locator('.ant-table-row').first();
    const next = (await first.locator('td').nth(1).innerText()).trim();
    await first.click();
    await expect(heading(street)).toHaveText(`驾驶舱 · ${next}`);
  }
  await expect(street.locator('.gz-page-head .ant-tag').filter({ hasText: /^小区$/ })).toBeVisible();
  const compound = (await heading(street).innerText()).replace(/^驾驶舱 · /, '');
  await street.screenshot({ path: shot('dashboard-compound'), fullPage: true });

  // The rows behind the activation rate at the compound: every household, counted or not, filtered, exported.
  const behind = await openFigure(street, '居民激活', '居民激活率', compound);
  await behind.getByRole('tab', { name: '明细' }).click();
  await expect(behind.getByText(/^共 \d+ 条，其中 \d+ 条计入分子/)).toBeVisible();
  await expect(behind.locator('.ant-table-row').first()).toBeVisible();
  await behind.locator('.ant-segmented').getByText('未计入', { exact: true }).click();
  await expect(behind.locator('.ant-table-row').first().getByText('未计入')).toBeVisible();
  await street.waitForTimeout(500);
  await street.screenshot({ path: shot('dashboard-rows') });
  const rowsXlsx = street.waitForEvent('download');
  await behind.getByRole('button', { name: /导出 Excel/ }).click();
  expect((await rowsXlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  await street.keyboard.press('Escape');
  await expect(behind).toBeHidden();

  // Back up to the street by the trail, then its monthly dispatch reports.
  await street.locator('.ant-breadcrumb').getByRole('link', { name: '安和街道' }).click();
  await expect(heading(street)).toHaveText('驾驶舱 · 安和街道');
  await street.getByRole('button', { name: '月度调度通报' }).click();
  await expect(street.getByRole('heading', { level: 3, name: /^月度调度通报/ })).toBeVisible();
  const month = lastMonth();
  const seeded = street.getByRole('link', { name: month.text, exact: true });
  await expect(street.locator('.ant-table')).toBeVisible();
  await street.screenshot({ path: shot('dispatch-reports'), fullPage: true });
  if (await seeded.count()) {
    await seeded.first().click();
  } else {
    // Not seeded: build it now (last month is the default).
    await street.getByRole('button', { name: '立即生成' }).click();
    const dialog = street.getByRole('dialog').filter({ hasText: '立即生成月度调度通报' });
    await expect(dialog).toContainText(month.text);
    await dialog.getByRole('button', { name: '生成', exact: true }).click();
  }
  await expect(street).toHaveURL(/\/dashboards\/reports\/[0-9a-f-]{36}$/);
  await expect(street.getByRole('heading', { level: 3 })).toHaveText(`安和街道 ${month.text} 月度调度通报`);
  await expect(street.getByRole('row').filter({ hasText: '居民激活率' })).toBeVisible();
  await expect(street.getByRole('heading', { name: '待办督办' })).toBeVisible();
  await street.screenshot({ path: shot('dispatch-report'), fullPage: true });

  const xlsx = street.waitForEvent('download');
  await street.getByRole('link', { name: /下载 Excel/ }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  expect(await head(await xlsx, 2)).toBe('PK');
  const pdf = street.waitForEvent('download');
  await street.getByRole('link', { name: /下载 PDF/ }).click();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
  expect(await head(await pdf, 5)).toBe('%PDF-');
  await street.context().close();
});
