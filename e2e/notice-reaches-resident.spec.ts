import { expect, type Page, test } from './fixtures.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';

/** The demo community's residents' committee (安和社区居委会), which covers the demo residents' compound. */
const COMMUNITY_STAFF = 'juweihui';

async function staffSignIn(page: Page, login: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
}

test('a notice published by the community reaches the resident\'s home, and the read shows up for the publisher', async ({ browser }) => {
  const title = `关于社区议事会的通知 ${Date.now().toString(36)}`;

  // ——— The residents' committee writes and publishes a notice to its whole community (desktop). ———
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const staff = await desk.newPage();
  await staffSignIn(staff, COMMUNITY_STAFF);
  await staff.getByRole('navigation', { name: '主菜单' }).getByText('公告', { exact: true }).click();
  await expect(staff.getByRole('heading', { name: '公告', level: 3 })).toBeVisible();
  await staff.getByRole('button', { name: '发布公告' }).click();
  await expect(staff.getByRole('heading', { name: '发布公告', level: 3 })).toBeVisible();

  // The place: the top of the committee's scope, the community itself.
  await staff.getByLabel('发布范围').click();
  await staff.locator('.ant-select-dropdown [data-kind=community]').first().click();
  await staff.getByText('会议通知', { exact: true }).click();
  await staff.getByLabel('标题').fill(title);
  await staff.getByLabel('正文').fill('各位居民：\n本周六上午九点在社区活动室召开居民议事会，议题为小区停车管理。欢迎大家参加。');
  await staff.getByLabel('置顶').click();
  await staff.screenshot({ path: shot('notice-editor'), fullPage: true });
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  const confirm = staff.getByRole('dialog').filter({ hasText: '确认发布' });
  await expect(confirm).toContainText('安和社区');
  await confirm.getByRole('button', { name: '发布' }).click();

  await expect(staff).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  const noticeId = staff.url().split('/').pop()!;
  await expect(staff.getByRole('heading', { level: 3 })).toContainText(title);
  await expect(staff.getByText('生效中').first()).toBeVisible();
  await expect(staff.getByText(/^0 \/ \d+ 人已读$/)).toBeVisible();

  // ——— The resident opens the H5 on a phone: the notice is on the home page, unread. ———
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const resident = await phone.newPage();
  await resident.goto('/h5/');
  await resident.getByLabel('手机号').fill(RESIDENT_PHONE);
  await resident.getByLabel('密码').fill(DEMO_PASSWORD);
  await resident.getByRole('button', { name: '登录' }).click();
  await expect(resident.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  const unread = resident.getByRole('region', { name: '未读公告' });
  const item = unread.locator('.adm-list-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByRole('img', { name: '未读' })).toBeVisible();
  const before = await (await resident.request.get('/api/me/notices/unread-count')).json();
  expect(before.count).toBeGreaterThan(0);
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await resident.screenshot({ path: shot('resident-home-unread-notice') });

  // Opening it is the read receipt.
  await item.click();
  await expect(resident).toHaveURL(new RegExp(`/h5/notices/${noticeId}$`));
  await expect(resident.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(resident.getByText('本周六上午九点')).toBeVisible();
  await expect.poll(async () => (await (await resident.request.get('/api/me/notices/unread-count')).json()).count).toBe(before.count - 1);
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await resident.screenshot({ path: shot('resident-notice-detail') });

  await resident.getByRole('button', { name: '返回' }).click();
  await expect(resident.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  await expect(resident.getByRole('region', { name: '未读公告' }).locator('.adm-list-item').filter({ hasText: title })).toHaveCount(0);

  // ——— The publisher sees the read. ———
  await staff.reload();
  await expect(staff.getByText(/^1 \/ \d+ 人已读$/)).toBeVisible();
  await staff.screenshot({ path: shot('notice-read-count'), fullPage: true });

  // The printable PDF for the lobby board.
  const pdf = await staff.request.get(`/api/notices/${noticeId}/pdf`);
  expect(pdf.ok()).toBe(true);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // ——— The resident's messages: the inbox told them of the notice too (我的 → 消息). ———
  await resident.getByRole('link', { name: '我的' }).click();
  await resident.getByText('消息', { exact: true }).click();
  await expect(resident.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  const told = resident.locator('.adm-list-item').filter({ hasText: `新公告：${title}` });
  await expect(told).toBeVisible();
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await resident.screenshot({ path: shot('resident-messages') });
  await told.click();
  await expect(resident).toHaveURL(new RegExp(`/h5/notices/${noticeId}$`));

  // ——— The lobby poster's QR code, scanned by a phone that is not signed in: the notice's public page. ———
  const scanner = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const scanned = await scanner.newPage();
  await scanned.goto(`/h5/p/notices.notice/${noticeId}`);
  await expect(scanned.getByRole('heading', { name: title })).toBeVisible();
  await expect(scanned.getByText('本周六上午九点')).toBeVisible();
  await expect(scanned).not.toHaveURL(/login/);
  await scanned.screenshot({ path: shot('public-notice') });

  await desk.close();
  await phone.close();
  await scanner.close();
});
