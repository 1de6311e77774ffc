import { DEMO_PASSWORD, shot, STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';

/** A staff list sorts on the server by a column header, and the order is kept in the address (Back, reload, links). */
test('a street official sorts the persons by name, both ways, and the order survives a reload', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '待办事项' })).toBeVisible();
  await page.goto('/registry/persons');
  const firstName = () => page.locator('tbody tr.ant-table-row').first().locator('td').first().innerText();
  // The first page of 6,000 people can take a while while another journey loads the server (CI: two at once).
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 30_000 });
  const ascending = await firstName();

  // The default is by name, ascending: one click on the header turns it round.
  await page.getByRole('columnheader', { name: /姓名/ }).click();
  await expect(page).toHaveURL(/sort=name&order=desc/);
  await expect.poll(firstName).not.toBe(ascending);
  const descending = await firstName();
  await page.screenshot({ path: shot('persons-sorted-desc') });

  await page.reload();
  await expect.poll(firstName).toBe(descending);
  await expect(page.getByRole('columnheader', { name: /姓名/ })).toHaveAttribute('aria-sort', 'descending');
});
