import { DEMO_PASSWORD } from './demo.ts';
import { expect, test } from './fixtures.ts';

/**
 * English is fetched only when someone picks it (Chinese ships with the first load). Picking it turns
 * the page into English at once — the shell's texts and every module's — and the choice is kept.
 * (Signed in as the property committee member, whom no other journey uses — the department reviewer vets candidates in the election journey: the choice becomes the account's.)
 */
test('English on demand: the H5 sign-in page, and the workbench with every module’s texts', async ({ page, browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const h5 = await phone.newPage();
  await h5.goto('/h5/login');
  await expect(h5.getByRole('button', { name: '登录' })).toBeVisible();
  await h5.getByText('English', { exact: true }).click();
  await expect(h5.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await h5.reload();
  await expect(h5.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await phone.close();

  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill('wuweihui');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByText('Places', { exact: true })).toBeVisible();
  // Texts of modules registered before English was fetched (notices) are English too.
  await expect(menu.getByText('Notices', { exact: true })).toBeVisible();
});
