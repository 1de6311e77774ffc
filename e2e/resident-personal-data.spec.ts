import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot, STREET_OFFICIAL } from './demo.ts';
import { apiAs, expect, test } from './fixtures.ts';

/**
 * 我的 → 个人信息 (PIPL): the resident reads the privacy notice and agrees, the ID number's consent
 * apart; downloads their data; sees that the street office read their full numbers; opens the account
 * deletion and is told its consequences — and cancels (the demo resident is shared by other journeys).
 * Written without being run: no e2e run was possible when it was added.
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

test('a resident agrees to the privacy notice, downloads their data and sees who looked', async ({ browser, baseURL }) => {
  // The street office reads the resident's full phone and ID number (audited).
  const official = await apiAs(baseURL!, STREET_OFFICIAL, DEMO_PASSWORD);
  const resident = await apiAs(baseURL!, RESIDENT_PHONE, DEMO_PASSWORD);
  const home = (await (await resident.get('/api/me/home')).json()) as { person?: { id: string } };
  expect(home.person?.id, 'the demo resident is matched to a person').toBeTruthy();
  expect((await official.get(`/api/persons/${home.person!.id}/pii`)).status()).toBe(200);

  const phone = await onPhone(browser);
  const page = await phone.newPage();
  await signInResident(page);
  await page.getByRole('link', { name: '我的' }).click();
  await page.getByText('个人信息', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '个人信息', level: 1 })).toBeVisible();
  await expect(page.getByText('敏感个人信息（身份证号）')).toBeVisible();

  await page.getByText(/我单独同意处理我的身份证号/).click();
  await page.getByRole('button', { name: '我已阅读并同意' }).click();
  await expect(page.getByText(/并同意处理身份证号/)).toBeVisible();

  await expect(page.getByText(/查看了您的手机号和身份证号/).first()).toBeVisible();
  await page.screenshot({ path: shot('resident-personal-data'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByText('下载我的全部数据（Excel）').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: '注销账号' }).click();
  await expect(page.getByText(/产权登记和表决记录按法律要求保留/)).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('heading', { name: '个人信息', level: 1 })).toBeVisible();
  await phone.close();
});
