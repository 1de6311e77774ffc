import { RESIDENT_PHONE, shot } from './demo.ts';
import type { Locator } from '@playwright/test';
import { type Browser, expect, type Page, staffPage, test } from './fixtures.ts';
import { gradientPng, noSidewaysScroll, phone, pickOption, residentSignIn, staffSignIn } from './journey-helpers.ts';

/**
 * Grid work end to end (issue 24): a grid worker on his phone reports a new tenant of 阳光花园 1栋1单元1801 (四个实有),
 * the residents' committee verifies it and the room's page shows her; a property office opens an agency case
 * (政务代办) for 张明远, who follows it on his phone to completion.
 */
const TENANT = '韩雪梅';
const SERVICE = '老年人优待证办理';

async function onPhone(browser: Browser, signIn: (page: Page) => Promise<void>): Promise<Page> {
  const page = await (await phone(browser)).newPage();
  await signIn(page);
  return page;
}
/** Clicks `button` and the OK of the confirmation or modal it opens. */
async function confirmed(page: Page, button: ReturnType<Page['getByRole']>, ok: string) {
  await button.click();
  await page.getByRole('button', { name: ok, exact: true }).last().click();
}
/** Picks an option of an antd Select by its label within `scope` (a page or a dialog), typing `search` first when given. */
async function choose(page: Page, label: string, option: string, search?: string, scope: Page | Locator = page) {
  const box = scope.getByRole('combobox', { name: label });
  if (search) {
    await box.click();
    await box.fill(search);
  }
  await pickOption(page, box, option);
}

test('a grid worker on his phone reports a new tenant → the community verifies it → the room page shows her', async ({ browser }) => {
  test.setTimeout(4 * 60_000);
  const worker = await onPhone(browser, (p) => staffSignIn(p, 'wangge', 30_000));
  await worker.goto('/grid/collection/new');
  await choose(worker, '房屋', '1801', '1801');
  await worker.getByLabel('姓名', { exact: true }).fill(TENANT);
  await worker.getByLabel('手机号', { exact: true }).fill('13912340518');
  await choose(worker, '关系', '租户');
  await worker.getByLabel('租期开始', { exact: true }).fill('2026-11-15');
  await worker.getByLabel('租期开始', { exact: true }).press('Enter');
  await worker.getByLabel('租期结束', { exact: true }).fill('2027-11-14');
  await worker.getByLabel('租期结束', { exact: true }).press('Enter');
  await worker.getByRole('button', { name: '提交', exact: true }).click();
  await expect(worker.getByText('已提交').first()).toBeVisible();
  await expect(worker).toHaveURL(/\/grid\/collection\/[0-9a-f-]{36}$/);
  await expect(worker.getByText('待核实').first()).toBeVisible();
  await noSidewaysScroll(worker);
  await worker.screenshot({ path: shot('grid-collection-submitted'), fullPage: true });
  await worker.context().close();

  const committee = await staffPage(browser, 'juweihui');
  await committee.goto('/grid/collection');
  const search = committee.getByPlaceholder('搜索姓名、名称、地点或采集人');
  await search.fill(TENANT);
  await search.press('Enter');
  const row = committee.locator('.ant-table-row').filter({ hasText: TENANT }).first();
  await row.getByRole('link').first().click();
  await expect(committee).toHaveURL(/\/grid\/collection\/[0-9a-f-]{36}$/);
  await confirmed(committee, committee.getByRole('button', { name: '核实为新增' }), '确定');
  await expect(committee.getByText('已核实').first()).toBeVisible();
  await committee.screenshot({ path: shot('grid-collection-verified'), fullPage: true });
  await committee.getByRole('link', { name: '查看房屋' }).click();
  await expect(committee).toHaveURL(/\/registry\/places\/[0-9a-f-]{36}$/);
  await expect(committee.getByText(TENANT).first()).toBeVisible();
  await committee.screenshot({ path: shot('grid-room-shows-tenant'), fullPage: true });
});

test('a property office opens an agency case for 张明远 → he follows it on his phone → handed over, completed', async ({ browser }) => {
  test.setTimeout(4 * 60_000);
  const office = await staffPage(browser, 'wuyestaff');
  await office.goto('/grid/agency/cases');
  await office.getByRole('button', { name: '受理新件' }).click();
  const form = office.getByRole('dialog');
  await choose(office, '服务事项', SERVICE, undefined, form);
  await choose(office, '办事人', '张明远', '张明远', form);
  await form.getByLabel('材料（身份证复印件等）').setInputFiles({ name: 'id-copy.png', mimeType: 'image/png', buffer: gradientPng(320, 200) });
  await form.getByRole('button', { name: '受理', exact: true }).click();
  await expect(office).toHaveURL(/\/grid\/agency\/cases\/[0-9a-f-]{36}$/);
  await expect(office.getByText('已受理').first()).toBeVisible();

  const resident = await onPhone(browser, (p) => residentSignIn(p, RESIDENT_PHONE, 30_000));
  await resident.goto('/h5/grid/agency');
  const card = resident.getByTestId('agency-case').filter({ hasText: SERVICE }).first();
  await expect(card.getByText('已受理')).toBeVisible();
  await noSidewaysScroll(resident);
  await resident.screenshot({ path: shot('grid-agency-resident-accepted'), fullPage: true });

  await confirmed(office, office.getByRole('button', { name: '转报' }), '确定');
  await expect(office.getByText('已转报').first()).toBeVisible();
  await confirmed(office, office.getByRole('button', { name: '登记结果' }), '确定');
  await expect(office.getByText('已出结果').first()).toBeVisible();
  await confirmed(office, office.getByRole('button', { name: '交付' }), '确定');
  await expect(office.getByText('已办结').first()).toBeVisible();
  await office.screenshot({ path: shot('grid-agency-completed'), fullPage: true });

  await resident.reload();
  await expect(resident.getByTestId('agency-case').filter({ hasText: SERVICE }).first().getByText('已办结')).toBeVisible();
  await resident.getByTestId('agency-case').filter({ hasText: SERVICE }).first().click();
  await expect(resident).toHaveURL(/\/h5\/grid\/agency\/[0-9a-f-]{36}$/);
  await expect(resident.getByText('已转报主管部门').first()).toBeVisible();
  await noSidewaysScroll(resident);
  await resident.screenshot({ path: shot('grid-agency-resident-steps'), fullPage: true });
});
