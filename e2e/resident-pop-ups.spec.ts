import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';
import { apiAs, expect, test } from './fixtures.ts';

/**
 * The resident H5's confirmations and toasts (antd-mobile's imperative Dialog and Toast, which need
 * the React 19 adapter): signing out, withdrawing a repair, a low rating. On a phone-sized screen.
 */
const onPhone = (browser: Browser) =>
  browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

async function signInResident(page: Page) {
  await page.goto('/h5/login');
  await page.getByLabel('手机号').fill(RESIDENT_PHONE);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
}

/** A new repair order of the demo resident's, in their own room (set up through the API). */
async function reportedOrder(resident: APIRequestContext, description: string): Promise<{ id: string; no: string }> {
  const places = (await (await resident.get('/api/repairs/report-places')).json()) as { items: { id: string; kind: string }[] };
  const room = places.items.find((p) => p.kind === 'room')!;
  const res = await resident.post('/api/repairs/orders', { data: { category: 'water', description, placeId: room.id, channel: 'app' } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; no: string };
}

test('a resident signs out on a phone, after saying so in the confirmation', async ({ browser }) => {
  const phone = await onPhone(browser);
  const page = await phone.newPage();
  await signInResident(page);
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();

  // Changing one's mind keeps one signed in.
  await page.getByRole('button', { name: '退出登录' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('确定退出登录吗？');
  await page.screenshot({ path: shot('resident-sign-out-confirm') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get('/api/auth/me')).status()).toBe(200);

  await page.getByRole('button', { name: '退出登录' }).click();
  await dialog.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/h5\/login$/);
  expect((await page.request.get('/api/auth/me')).status(), 'the session is gone on the server').toBe(401);
  // The sign-in page is styled as a whole (its styles load with the shell, not with a lazily loaded page).
  await expect(page.getByRole('link', { name: '注册 / 激活' })).toHaveCSS('text-decoration-line', 'none');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.screenshot({ path: shot('resident-signed-out') });
  await phone.close();
});

test('a resident withdraws a repair through its confirmation and is told so', async ({ browser, baseURL }) => {
  const api = await apiAs(baseURL!, RESIDENT_PHONE, DEMO_PASSWORD);
  const order = await reportedOrder(api, '阳台地漏返水（撤回测试）');
  const phone = await onPhone(browser);
  const page = await phone.newPage();
  await signInResident(page);
  await page.goto(`/h5/services/repairs/${order.id}`);
  await expect(page.getByText(order.no)).toBeVisible();

  await page.getByRole('button', { name: '撤回报修' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('确定撤回这条报修吗？');
  await dialog.getByRole('button', { name: '撤回报修' }).click();
  await expect(page.getByText('已撤回', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('您已撤回此报修')).toBeVisible();
  await page.screenshot({ path: shot('resident-withdrew-repair') });
  expect(((await (await api.get(`/api/repairs/orders/${order.id}`)).json()) as { status: string }).status).toBe('cancelled');
  await api.dispose();
  await phone.close();
});

test('a resident gives a 2-star rating through its confirmation and sees the thank-you toast', async ({ browser, baseURL }) => {
  const api = await apiAs(baseURL!, RESIDENT_PHONE, DEMO_PASSWORD);
  const order = await reportedOrder(api, '卫生间水龙头滴水（评价测试）');
  // The property staff work it through to "finished" on their side.
  const staff = await apiAs(baseURL!, 'wuyestaff', DEMO_PASSWORD);
  const me = ((await (await staff.get('/api/auth/me')).json()) as { account: { id: string } }).account;
  for (const [step, data] of [
    ['accept', {}],
    ['dispatch', { assigneeId: me.id }],
    ['start', {}],
    ['finish', { note: '已更换水龙头阀芯。' }],
  ] as const) {
    const res = await staff.post(`/api/repairs/orders/${order.id}/${step}`, { data });
    expect(res.status(), `${step}: ${await res.text()}`).toBe(200);
  }

  const phone = await onPhone(browser);
  const page = await phone.newPage();
  await signInResident(page);
  await page.goto(`/h5/services/repairs/${order.id}`);
  await expect(page.getByRole('heading', { name: '请为本次服务评价' })).toBeVisible();
  await page.getByRole('radio', { name: '2 星' }).click();
  await page.getByRole('button', { name: '提交评价' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('您给了 2 星，物业项目经理将联系您并回复。确认提交？');
  await page.screenshot({ path: shot('resident-low-rating-confirm') });
  await dialog.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢您的评价')).toBeVisible();
  await page.screenshot({ path: shot('resident-low-rating-toast') });
  const rated = (await (await api.get(`/api/repairs/orders/${order.id}`)).json()) as { rating: number; status: string };
  expect(rated.rating).toBe(2);
  await Promise.all([api.dispose(), staff.dispose()]);
  await phone.close();
});
