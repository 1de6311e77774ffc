import { DEMO_PASSWORD, shot, STREET_OFFICIAL } from './demo.ts';
import { expect, test } from './fixtures.ts';

/** Each role lands on its own to-dos; a count opens the list of exactly those rows. */
const ROLES = [
  { login: 'wuye', todo: '待受理的报修', list: /\/repairs\/orders\?status=submitted$/ },
  { login: STREET_OFFICIAL, todo: '待督办的超时工单', list: /\/repairs\/escalations\?supervised=false$/ },
  { login: 'juweihui', todo: '待审核的房屋认领', list: /\/activation\/claims\?status=pending$/ },
];

for (const { login, todo, list } of ROLES) {
  test(`${login} lands on the workbench home; “${todo}” opens its list with the same count`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '待办事项' })).toBeVisible();
    const card = page.getByRole('link', { name: new RegExp(`^${todo} \\d+$`) });
    await expect(card).toBeVisible();
    const count = Number((await card.getAttribute('aria-label'))!.split(' ').at(-1));
    await page.screenshot({ path: shot(`staff-home-${login}`) });
    await card.click();
    await expect(page).toHaveURL(list);
    expect(count, 'the demo street has some of each').toBeGreaterThan(0);
    await expect(page.getByText(`共 ${count} 条`)).toBeVisible();
  });
}
