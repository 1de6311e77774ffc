import { expect, test } from './fixtures.ts';
import { gradientPng } from './journey-helpers.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';

interface Order {
  id: string;
  no: string;
  status: string;
  photos: { stage: string }[];
  events: { action: string; actorName: string }[];
  rating: number | null;
}

test('a resident reports a leak with a photo on a phone, the property staff handle it on the workbench, the resident rates it', async ({ browser }) => {
  test.setTimeout(120_000);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const resident = await phone.newPage();

  // ——— The resident reports, on a phone ———
  await resident.goto('/h5/login');
  await resident.getByLabel('手机号').fill(RESIDENT_PHONE);
  await resident.getByLabel('密码').fill(DEMO_PASSWORD);
  await resident.getByRole('button', { name: '登录' }).click();
  await expect(resident.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  await resident.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  await expect(resident.getByRole('heading', { name: '办事', level: 1 })).toBeVisible();
  await expect(resident.getByRole('heading', { name: /我的报修/ })).toBeVisible();
  await resident.getByRole('link', { name: /我要报修/ }).click();

  await expect(resident.getByRole('heading', { name: '我要报修', level: 1 })).toBeVisible();
  await resident.getByText('给排水', { exact: true }).click();
  // The first place offered is the resident's own room, already chosen.
  await expect(resident.locator('.gz-rep-places .adm-selector-item-active')).toContainText('1201');
  await resident.locator('textarea').first().fill('厨房水槽下方的水管接口一直在漏水，地面已经积水。');
  await resident.locator('input[type=file]').setInputFiles({ name: '漏水.png', mimeType: 'image/png', buffer: gradientPng(480, 360) });
  await expect(resident.locator('.adm-image-uploader-cell img')).toHaveCount(1);
  await resident.getByText('上午', { exact: true }).click();
  expect(await resident.evaluate(() => document.documentElement.scrollWidth), 'nothing sticks out sideways at 390 px').toBeLessThanOrEqual(390);
  await resident.screenshot({ path: shot('repair-1-report-form') });
  await resident.getByRole('button', { name: '提交报修' }).click();

  await expect(resident).toHaveURL(/\/h5\/services\/repairs\/[0-9a-f-]{36}$/);
  await expect(resident.getByText('已提交，等待物业受理')).toBeVisible();
  const orderId = resident.url().split('/').pop()!;
  const reported = (await (await resident.request.get(`/api/repairs/orders/${orderId}`)).json()) as Order;
  expect(reported.status).toBe('submitted');
  expect(reported.photos.map((p) => p.stage)).toEqual(['report']);
  // The photo is served back to the reporter.
  await expect(resident.locator('.gz-rep-photo img')).toHaveJSProperty('complete', true);
  expect(await resident.locator('.gz-rep-photo img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await resident.screenshot({ path: shot('repair-2-reported') });

  // ——— The property staff accept, dispatch to themselves, start and finish, on the workbench ———
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const staff = await desk.newPage();
  await staff.goto('/login');
  await staff.getByLabel('用户名').fill('wuyestaff');
  await staff.getByLabel('密码').fill(DEMO_PASSWORD);
  await staff.getByRole('button', { name: '登录' }).click();
  await staff.getByRole('navigation', { name: '主菜单' }).getByText('报修工单', { exact: true }).click();
  await expect(staff.getByRole('heading', { name: '报修工单', level: 3 })).toBeVisible();
  await staff.getByPlaceholder('搜索工单号、描述或联系人').fill(reported.no);
  await staff.getByPlaceholder('搜索工单号、描述或联系人').press('Enter');
  await expect(staff.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(staff.locator('tr.ant-table-row')).toContainText('待受理');
  await staff.getByRole('link', { name: reported.no }).click();
  await expect(staff.getByRole('heading', { name: reported.no, level: 3 })).toBeVisible();
  await expect(staff.locator('.gz-rep-photos img')).toHaveCount(1);

  const dialog = staff.getByRole('dialog');
  await staff.getByRole('button', { name: '受理', exact: true }).click();
  await expect(dialog).toContainText(`受理工单 ${reported.no}？`);
  await dialog.getByRole('button', { name: '受理', exact: true }).click();
  await expect(staff.locator('.gz-page-head')).toContainText('已受理');

  const me = (await (await staff.request.get('/api/auth/me')).json()) as { account: { name: string } };
  await staff.getByRole('button', { name: '派单', exact: true }).click();
  await dialog.getByLabel('处理人').click();
  await staff.locator('.ant-select-item-option').filter({ hasText: me.account.name }).first().click();
  await dialog.getByLabel('备注（选填）').fill('请今天下午上门');
  await dialog.getByRole('button', { name: '派单', exact: true }).click();
  await expect(staff.locator('.gz-page-head')).toContainText('已派单');

  await staff.getByRole('button', { name: '开始处理', exact: true }).click();
  await dialog.getByRole('button', { name: '开始处理', exact: true }).click();
  await expect(staff.locator('.gz-page-head')).toContainText('处理中');

  await staff.getByRole('button', { name: '完工', exact: true }).click();
  await dialog.getByLabel('处理结果').fill('已更换水管接口密封圈，试水无渗漏，地面已清理。');
  await dialog.locator('input[type=file]').setInputFiles({ name: '完工.png', mimeType: 'image/png', buffer: gradientPng(400, 300) });
  await dialog.getByRole('button', { name: '完工', exact: true }).click();
  await expect(staff.locator('.gz-page-head')).toContainText('待评价');
  await expect(staff.locator('.gz-rep-timeline')).toContainText('完工');
  await expect(staff.locator('.gz-rep-timeline')).toContainText('请今天下午上门');
  await expect(staff.locator('.gz-rep-photos img')).toHaveCount(2);
  await staff.screenshot({ path: shot('repair-3-workbench-finished'), fullPage: true });

  // ——— The resident sees the result and rates it ———
  await resident.reload();
  await expect(resident.getByText('已完工，请您评价')).toBeVisible();
  await expect(resident.getByRole('heading', { name: '请为本次服务评价' })).toBeVisible();
  await resident.getByRole('radio', { name: '5 星' }).click();
  await resident.getByLabel('说说您的感受（选填）').fill('师傅来得很快，修得也好，谢谢！');
  await resident.screenshot({ path: shot('repair-4-rate') });
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByText('已办结，感谢您的反馈')).toBeVisible();
  await expect(resident.getByText('我的评价')).toBeVisible();
  await resident.screenshot({ path: shot('repair-5-closed') });

  // Every step is on the timeline, by whom.
  const closed = (await (await resident.request.get(`/api/repairs/orders/${orderId}`)).json()) as Order;
  expect(closed.status).toBe('closed');
  expect(closed.rating).toBe(5);
  expect(closed.events.map((e) => e.action)).toEqual(['reported', 'accepted', 'dispatched', 'started', 'finished', 'rated']);
  expect(closed.events.slice(1, 5).every((e) => e.actorName === me.account.name)).toBe(true);
  await phone.close();
  await desk.close();
});
