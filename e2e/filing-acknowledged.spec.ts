import { DEMO_PASSWORD, shot, STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';

/**
 * 备案: the street official's home flags the filing waiting for the street; the list opens with it; its drawer shows the
 * package the owners' committee submitted, and the official acknowledges it after a confirmation.
 */
test('the street official reviews and acknowledges a filing from the home page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '待办事项' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^逾期未提交的备案 \d+$/ })).toBeVisible();
  await page.getByRole('link', { name: /^待街道审查的备案 \d+$/ }).click();
  await expect(page).toHaveURL(/\/filings\?office=street_office&status=submitted$/);
  await page.getByRole('link', { name: '2026年续聘物业服务企业及使用维修资金更换3栋电梯' }).click();
  const drawer = page.getByRole('dialog', { name: '备案详情' });
  await expect(drawer.getByText('备案材料', { exact: true })).toBeVisible();
  await expect(drawer.getByText('公开证据包哈希')).toBeVisible();
  await page.screenshot({ path: shot('filing-drawer') });
  await drawer.getByRole('button', { name: '确认备案' }).click();
  await page.getByRole('dialog', { name: '确认备案？' }).getByRole('button', { name: '确认备案' }).click();
  await expect(page.getByText('已确认备案')).toBeVisible();
  await expect(drawer.getByText('已备案').first()).toBeVisible();
});
