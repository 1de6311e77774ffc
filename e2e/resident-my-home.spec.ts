import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';

interface MyHome {
  person: { name: string } | null;
  rooms: { roomLabel: string; compoundName: string; companyName: string | null; area: string }[];
}

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('a resident signs in on a phone and sees my home, compound and property company', async ({ page }) => {
  await page.goto('/h5/');
  await expect(page).toHaveURL(/\/h5\/login$/);
  await page.getByLabel('手机号').fill(RESIDENT_PHONE);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  const res = await page.request.get('/api/me/home');
  expect(res.ok()).toBe(true);
  const home = (await res.json()) as MyHome;
  expect(home.rooms.length).toBeGreaterThan(0);

  const first = home.rooms[0]!;
  expect(first.companyName, 'the demo compound has a property company').toBeTruthy();
  const hero = page.locator('.gz-compound-hero').first();
  await expect(hero.getByRole('heading', { name: first.compoundName, level: 2 })).toBeVisible();
  await expect(hero).toContainText(first.companyName!);
  for (const room of home.rooms) await expect(page.getByText(room.roomLabel, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`${first.area} m²`).first()).toBeVisible();

  const tabs = page.getByRole('navigation', { name: '底部导航' });
  for (const tab of ['首页', '办事', '议事', '我的']) await expect(tabs.getByRole('link', { name: tab })).toBeVisible();
  // Phone first: nothing may stick out sideways at 390 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The phone's own screen, as a resident sees it (a full-page shot would float the fixed tab bar mid-page).
  await page.screenshot({ path: shot('resident-my-home') });
});
