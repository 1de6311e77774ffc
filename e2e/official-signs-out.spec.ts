import { DEMO_PASSWORD, STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';

test('an official signs out of the workbench and lands on a plain sign-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  await page.getByRole('navigation', { name: '主菜单' }).getByText('公告', { exact: true }).click();
  await expect(page).toHaveURL(/\/notices/);

  await page.getByRole('button', { name: /账号|刘晓燕/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status(), 'the session is gone on the server').toBe(401);
});
