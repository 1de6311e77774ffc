import { DEMO_PASSWORD, RESIDENT_PHONE, STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';

/**
 * Slips a new user trips on (Platform 4, part 4): each checked where the page shows it.
 * (A wrong sign-in uses an account nobody has, so no real account's failure count moves.)
 */
test('a refused sign-in’s message goes away as soon as the user tries again, on both shells', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('nobody-here');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('账号或密码错误')).toBeVisible();
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await expect(page.getByText('账号或密码错误'), 'typing again is a new attempt').toHaveCount(0);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const h5 = await phone.newPage();
  await h5.goto('/h5/login');
  await h5.getByLabel('手机号').fill('139 0000 9999');
  await h5.getByLabel('密码').fill('wrong-password');
  await h5.getByRole('button', { name: '登录' }).click();
  await expect(h5.getByRole('alert')).toContainText('账号或密码错误');
  await h5.getByLabel('手机号').fill(RESIDENT_PHONE);
  await expect(h5.getByRole('alert')).toHaveCount(0);
  await phone.close();
});

test('the scope picker finds a compound by its name, without opening the tree', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  await page.getByLabel('管辖范围').click();
  await page.getByLabel('管辖范围').fill('翠湖');
  const option = page.locator('.ant-select-tree-title', { hasText: '翠湖苑' });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page.locator('#gz-scope').locator('..').locator('..')).toContainText('翠湖苑');
});

test('the property company’s service phone on the resident home is whole and one tap from a call', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await phone.newPage();
  await page.goto('/h5/login');
  await page.getByLabel('手机号').fill(RESIDENT_PHONE);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  const home = (await (await page.request.get('/api/me/home')).json()) as { rooms: { companyPhone: string | null }[] };
  const number = home.rooms.find((r) => r.companyPhone)?.companyPhone;
  test.skip(!number, 'no demo compound of this resident has a company phone on record');
  expect(number).not.toContain('*');
  const call = page.locator('.gz-compound-hero a[href^="tel:"]').first();
  await expect(call).toHaveText(number!);
  await expect(call).toHaveAttribute('href', `tel:${number!.replace(/[^\d+]/g, '')}`);
  await phone.close();
});

test('elderly mode follows the resident’s account to another phone', async ({ browser }) => {
  const signInOn = async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/h5/login');
    await page.getByLabel('手机号').fill(RESIDENT_PHONE);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
    return { context, page };
  };
  const first = await signInOn();
  await first.page.goto('/h5/me');
  await first.page.getByLabel('长辈模式（大字）').click();
  await expect(first.page.locator('html')).toHaveClass(/gz-elderly/);
  await expect.poll(async () => (await (await first.page.request.get('/api/auth/me')).json()).account.elderly).toBe(true);

  // A fresh phone (no local storage): the account's choice applies once signed in.
  const second = await signInOn();
  await expect(second.page.locator('html')).toHaveClass(/gz-elderly/);
  // Put it back, for the other journeys.
  await second.page.request.patch('/api/auth/me', { data: { elderly: false }, headers: { 'x-csrf-token': (await (await second.page.request.get('/api/auth/me')).json()).csrfToken } });
  await first.context.close();
  await second.context.close();
});
