import { expect, test, staffPage } from './fixtures.ts';
import { STREET_OFFICIAL, shot } from './demo.ts';

/** The demo community's residents' committee: it reviews the building leaders' allowance there. */
const COMMITTEE = 'juweihui';


test("the residents' committee reviews a building leader's allowance; the street official hears of it and approves", async ({ browser }) => {
  const committee = await staffPage(browser, COMMITTEE);
  const drafts = await (await committee.request.get('/api/payouts?status=draft&kind=registry.building_leader_allowance&pageSize=1')).json();
  expect(drafts.total).toBeGreaterThan(0);
  const statement = drafts.items[0] as { id: string; payeeName: string };

  await committee.getByRole('navigation', { name: '主菜单' }).getByText('结算单', { exact: true }).click();
  await expect(committee.getByRole('heading', { name: '结算单', level: 3 })).toBeVisible();
  await committee.goto(`/payouts/${statement.id}`);
  await expect(committee.getByRole('heading', { level: 3 })).toContainText(statement.payeeName);
  await expect(committee.getByText('待审核').first()).toBeVisible();
  await committee.getByRole('button', { name: '审核', exact: true }).click();
  const review = committee.getByRole('dialog').filter({ hasText: '确认审核结算单' });
  await expect(review).toContainText('¥200.00');
  await review.getByRole('button', { name: '审核', exact: true }).click();
  await expect(committee.getByText('已审核').first()).toBeVisible();
  // The reviewer is not the approver: no approve button here.
  await expect(committee.getByRole('button', { name: '审批', exact: true })).toHaveCount(0);
  await committee.screenshot({ path: shot('payout-reviewed'), fullPage: true });

  // The street official's bell has it; the message opens the statement.
  const street = await staffPage(browser, STREET_OFFICIAL);
  await street.getByRole('button', { name: /^消息通知/ }).click();
  const message = street.locator('.gz-bell-panel .gz-message').filter({ hasText: '结算单待审批' }).first();
  await expect(message).toBeVisible();
  await street.screenshot({ path: shot('bell-payout-to-approve') });
  await message.click();
  await expect(street).toHaveURL(/\/payouts\/[0-9a-f-]{36}$/);
  await street.goto(`/payouts/${statement.id}`);
  await street.getByRole('button', { name: '审批', exact: true }).click();
  const approve = street.getByRole('dialog').filter({ hasText: '确认审批结算单' });
  await approve.getByRole('button', { name: '审批', exact: true }).click();
  await expect(street.getByText('已审批').first()).toBeVisible();
  await expect(street.getByText('审批人')).toBeVisible();

  const xlsx = await street.request.get(`/api/payouts/${statement.id}/export.xlsx`);
  expect(xlsx.ok()).toBe(true);
  expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  await street.context().close();
  await committee.context().close();
});

test('the street official reads the monthly figures, ranks the communities and exports the report', async ({ browser }) => {
  const street = await staffPage(browser, STREET_OFFICIAL);
  await street.getByRole('navigation', { name: '主菜单' }).getByText('月度指标', { exact: true }).click();
  await expect(street.getByRole('heading', { name: '月度指标', level: 3 })).toBeVisible();
  const activation = street.getByRole('row').filter({ hasText: '居民激活率' });
  await expect(activation).toBeVisible();
  await expect(street.getByRole('row').filter({ hasText: '报修满意率' })).toBeVisible();
  await street.screenshot({ path: shot('monthly-figures'), fullPage: true });

  await activation.getByText('居民激活率').click();
  const drawer = street.locator('.ant-drawer').filter({ hasText: '居民激活率' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('安和社区').first()).toBeVisible();
  await street.waitForTimeout(500); // the drawer's slide-in, for the screenshot only
  await street.screenshot({ path: shot('monthly-figure-ranking') });
  await street.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const download = street.waitForEvent('download');
  await street.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await street.context().close();
});
