import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, PLATFORM_ADMIN, shot } from './demo.ts';
import type { APIRequestContext } from '@playwright/test';

/**
 * Forgot password, both ways (issue 12, item 4): a resident resets theirs with an SMS code on the phone, and signs
 * in with the new one; an administrator resets a staff member's in 账号管理, who signs in with the temporary password,
 * is made to set a new one, and reaches the workbench. Accounts no other journey uses: a resident signed up here,
 * and the demo's fire-brigade liaison of 阳光花园 (xiaofang; the grid journey signs in as the grid worker wangge, the 有礼小区
 * journey as the assessor pinggu).
 */
const PHONE = '13700000077';
const NEW_PASSWORD = 'Forgot-2026';
const STAFF = 'xiaofang';

/** The newest code the SMS sandbox kept for a phone (the platform admin, its only reader, reads the dev inbox). */
async function codeFor(request: APIRequestContext, phone: string): Promise<string> {
  const inbox = (await (await request.get(`/api/sms/sandbox?phone=${phone}`)).json()) as { items: { text: string }[] };
  const code = /验证码为 (\d{6})/.exec(inbox.items[0]?.text ?? '')?.[1];
  expect(code, `a 6-digit code in "${inbox.items[0]?.text}"`).toMatch(/^\d{6}$/);
  return code!;
}

test.describe('a resident', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('resets a forgotten password by SMS on the phone and signs in with the new one', async ({ page, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    expect((await admin.post('/api/auth/login', { data: { login: PLATFORM_ADMIN, password: DEMO_PASSWORD } })).ok()).toBe(true);
    // The resident's account, made through the public sign-up.
    const visitor = await playwright.request.newContext({ baseURL });
    expect((await visitor.post('/api/activation/otp', { data: { phone: PHONE } })).ok()).toBe(true);
    const signedUp = await visitor.post('/api/activation/signup', { data: { phone: PHONE, code: await codeFor(admin, PHONE), password: 'Resident2026' } });
    expect(signedUp.status()).toBe(201);
    await visitor.dispose();

    await page.goto('/h5/login');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page).toHaveURL(/\/h5\/reset-password$/);
    await expect(page.getByRole('heading', { name: '找回密码', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: '手机号' }).fill(PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByRole('button', { name: /秒后重发/ })).toBeVisible();
    const code = await codeFor(admin, PHONE);
    await admin.dispose();

    await page.getByRole('textbox', { name: '验证码' }).fill(code);
    await page.getByRole('textbox', { name: '新密码' }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: '确认密码' }).fill(NEW_PASSWORD);
    await page.screenshot({ path: shot('resident-reset-password'), fullPage: true });
    await page.getByRole('button', { name: '设置新密码' }).click();
    await expect(page.getByText('密码已重置')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: '返回登录' }).click();

    // Back at sign-in with the phone filled in; the new password signs in.
    await expect(page).toHaveURL(/\/h5\/login$/);
    await expect(page.getByLabel('手机号')).toHaveValue(PHONE);
    await page.getByLabel('密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).not.toHaveURL(/\/h5\/login$/);
    expect((await page.request.get('/api/auth/me')).status()).toBe(200);
  });
});

test('an administrator resets a staff member’s password; they sign in with the temporary one and must set their own', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(PLATFORM_ADMIN);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).getByText('账号管理', { exact: true }).click();
  await expect(page).toHaveURL(/\/accounts/);
  await page.getByRole('searchbox', { name: '姓名或用户名' }).fill(STAFF);
  await page.getByRole('searchbox', { name: '姓名或用户名' }).press('Enter');
  const row = page.getByRole('row').filter({ hasText: STAFF });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '重置密码' }).click();

  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('所有设备上的登录将立即退出');
  await expect(confirm).toContainText('必须先设置新密码');
  await page.screenshot({ path: shot('staff-reset-confirm') });
  await confirm.getByRole('button', { name: '确认重置' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^[A-Za-z2-9]{12}$/);
  await expect(page.getByRole('dialog').getByRole('button', { name: '复制' })).toBeVisible();
  await page.screenshot({ path: shot('staff-reset-temporary') });
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).first().click();

  // The staff member, in another browser.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const staff = await context.newPage();
  await staff.goto('/login');
  await staff.getByLabel('用户名').fill(STAFF);
  await staff.getByLabel('密码').fill(temporary);
  await staff.getByRole('button', { name: '登录' }).click();
  const forced = staff.getByRole('dialog', { name: '请设置新密码' });
  await expect(forced).toBeVisible();
  await expect(forced.getByRole('button', { name: /取消|Close/ })).toHaveCount(0);
  await staff.keyboard.press('Escape');
  await expect(forced, 'it cannot be dismissed').toBeVisible();
  await forced.getByLabel('当前密码').fill(temporary);
  await forced.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await forced.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await staff.screenshot({ path: shot('staff-must-change-password') });
  await forced.getByRole('button', { name: /保\s*存/ }).click();
  await expect(forced).toHaveCount(0);
  await expect(staff.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  const me = (await (await staff.request.get('/api/auth/me')).json()) as { account: { mustChangePassword: boolean } };
  expect(me.account.mustChangePassword).toBe(false);
  await context.close();
});
