import { deflateSync, crc32 } from 'node:zlib';
import type { Locator } from '@playwright/test';
import { type Browser, expect, type Page } from './fixtures.ts';
import { DEMO_PASSWORD } from './demo.ts';

/** Shapes several journeys share: a phone and a desktop, signing in on each, a real photo to upload. */

/** A resident's phone: 390×844, touch, Chinese, Shanghai time. */
export const phone = (browser: Browser) =>
  browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
/** An official's desktop. */
export const desktop = (browser: Browser) => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

/** Signs a resident in on the H5 and waits for the home (`timeout` for journeys on a busy machine). */
export async function residentSignIn(page: Page, login: string, timeout?: number) {
  await page.goto('/h5/login');
  await page.getByLabel('手机号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible({ timeout });
}
/** Signs an official in on the workbench and waits for its menu. */
export async function staffSignIn(page: Page, login: string, timeout?: number) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible({ timeout });
}
/**
 * Picks the option showing `text` in the antd Select whose combobox is `box`: opens it unless a drop-down is open
 * already (a search typed into it stays), clicks the option in the open drop-down (closed ones stay in the page,
 * hidden) and waits for it to close. antd drops a click that lands while the drop-down is still sliding in, leaving
 * it open over the dialog, so the pick is tried again until the drop-down closes.
 */
export async function pickOption(page: Page, box: Locator, text: string | RegExp, timeout = 30_000) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if ((await open.count()) === 0) await box.click({ timeout: 2_000 });
    await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 2_000 });
    await expect(open).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout });
}
/** A phone page must never scroll sideways. */
export const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

/** A real (decodable) PNG photo of a given size: a red-to-blue gradient, as a site photo. */
export function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([184 - Math.round((x / width) * 120), 60 + Math.round((y / height) * 80), 80 + Math.round((x / width) * 150)], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
