import { expect, test } from './fixtures.ts';
import { RESIDENT_PHONE, shot } from './demo.ts';
import { desktop, noSidewaysScroll, phone, residentSignIn, staffSignIn } from './journey-helpers.ts';

/** The demo tenant of 阳光花园 3栋1单元502: a neighbour of the first demo resident. */
const NEIGHBOUR_PHONE = '13800000002';
const PROPERTY_STAFF = 'wuyestaff';
const COMMUNITY_STAFF = 'juweihui';

test('a resident posts publicly, a neighbour says me too, the property company answers, the poster rates', async ({ browser }) => {
  const title = `地下车库照明太暗 ${Date.now().toString(36)}`;

  // ——— The resident speaks up in 议事. ———
  const posterCtx = await phone(browser);
  const poster = await posterCtx.newPage();
  await residentSignIn(poster, RESIDENT_PHONE);
  await poster.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '议事' }).click();
  await expect(poster.getByRole('heading', { name: '议事', level: 1 })).toBeVisible();
  await poster.getByRole('button', { name: '我要说' }).click();
  await expect(poster.getByRole('heading', { name: '发表意见', level: 1 })).toBeVisible();
  const option = (text: string) => poster.locator('.adm-selector-item').filter({ hasText: text });
  await option('公开').click();
  await option('物业服务企业').click();
  await option('投诉').click();
  await expect(option('公开')).toHaveClass(/adm-selector-item-active/);
  await expect(option('物业服务企业')).toHaveClass(/adm-selector-item-active/);
  await expect(option('投诉')).toHaveClass(/adm-selector-item-active/);
  await poster.getByPlaceholder('一句话说清楚').fill(title);
  await poster.getByPlaceholder('详细说说情况').fill('负一层B区有一半灯不亮，晚上停车看不清，已经两周了。');
  await noSidewaysScroll(poster);
  await poster.screenshot({ path: shot('resident-opinion-post'), fullPage: true });
  await poster.getByRole('button', { name: '提交' }).click();
  await expect(poster).toHaveURL(/\/h5\/decide\/opinions\/[0-9a-f-]{36}$/);
  const opinionId = poster.url().split('/').pop()!;
  await expect(poster.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(poster.getByText('等待答复')).toBeVisible();

  // ——— A neighbour sees it among the compound's posts and says me too. ———
  const neighbourCtx = await phone(browser);
  const neighbour = await neighbourCtx.newPage();
  await residentSignIn(neighbour, NEIGHBOUR_PHONE);
  await neighbour.goto('/h5/decide');
  const card = neighbour.locator('.gz-op-card').filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('张*'); // the poster, masked for neighbours
  await card.getByRole('button', { name: /我也遇到/ }).click();
  await expect(card.getByRole('button', { name: /已附议 · 1/ })).toBeVisible();
  await noSidewaysScroll(neighbour);
  await neighbour.screenshot({ path: shot('resident-opinions-public') });

  // ——— The property company answers from its inbox. ———
  const staffCtx = await desktop(browser);
  const staff = await staffCtx.newPage();
  await staffSignIn(staff, PROPERTY_STAFF);
  await staff.getByRole('navigation', { name: '主菜单' }).getByText('意见征集').click();
  await expect(staff.getByRole('heading', { name: '意见与投诉', level: 3 })).toBeVisible();
  const row = staff.locator('tr.ant-table-row').filter({ hasText: title });
  await expect(row).toContainText('待答复');
  await expect(row).toContainText('张明远');
  await staff.screenshot({ path: shot('staff-opinions-inbox'), fullPage: true });
  await row.getByRole('link', { name: title }).click();
  await expect(staff.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  await staff.getByRole('button', { name: '答复' }).click();
  const dialog = staff.getByRole('dialog');
  await expect(dialog).toContainText('答复后不能修改');
  await dialog.getByLabel('答复').fill('已安排电工今晚更换B区灯管，明天起恢复正常照明。');
  await dialog.getByRole('button', { name: '答复' }).click();
  await expect(staff.locator('.ant-card').filter({ hasText: '已安排电工' }).first()).toBeVisible();
  await expect(staff.getByText('已答复').first()).toBeVisible();
  // The property company may not hide posts: only officials moderate.
  await expect(staff.getByRole('button', { name: '屏蔽' })).toHaveCount(0);

  // ——— The community takes it up for deliberation. ———
  const officialCtx = await desktop(browser);
  const official = await officialCtx.newPage();
  await staffSignIn(official, COMMUNITY_STAFF);
  await official.goto(`/opinions/${opinionId}`);
  await official.getByRole('button', { name: '转为议题' }).click();
  const promote = official.getByRole('dialog');
  await expect(promote).toContainText('议题收集');
  await promote.getByLabel('说明（可选）').fill('并入小区停车管理议题，提交联席会议');
  await promote.getByRole('button', { name: '转为议题' }).click();
  await expect(official.getByText('已转议题').first()).toBeVisible();
  await official.screenshot({ path: shot('staff-opinion-detail'), fullPage: true });

  // ——— The poster reads the answer and rates it. ———
  await poster.reload();
  await expect(poster.getByText('已安排电工今晚更换B区灯管')).toBeVisible();
  await poster.getByRole('button', { name: '5 星' }).click();
  await poster.getByPlaceholder('说说理由').fill('处理很及时');
  await poster.getByRole('button', { name: '提交评价' }).click();
  await expect(poster.getByText('您的评价', { exact: true })).toBeVisible();
  await noSidewaysScroll(poster);
  await poster.screenshot({ path: shot('resident-opinion-answered'), fullPage: true });
  const rated = await (await poster.request.get(`/api/opinions/${opinionId}`)).json();
  expect(rated.rating).toBe(5);
  expect(rated.meTooCount).toBe(1);
  expect(rated.status).toBe('promoted');

  for (const c of [posterCtx, neighbourCtx, staffCtx, officialCtx]) await c.close();
});
