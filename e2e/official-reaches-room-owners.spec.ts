import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, STREET_OFFICIAL, shot } from './demo.ts';

interface Household {
  relation: 'owner' | 'co_owner' | 'tenant' | 'family';
  holderName: string;
  phone: string | null;
  current: boolean;
}

const RELATION_LABEL = { owner: '业主', co_owner: '共有人', tenant: '租户', family: '家庭成员' } as const;

test('a street official walks the place tree down to a room and sees its owners', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  // The workbench home opens first; the place tree is in the menu. Expand it level by level until a compound shows.
  await expect(page.getByRole('heading', { name: '待办事项' })).toBeVisible();
  await page.getByRole('navigation', { name: '主菜单' }).getByText('地点', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '地点', exact: true })).toBeVisible();
  const tree = page.getByRole('tree');
  const nodes = tree.locator('.ant-tree-treenode');
  await expect(nodes.first()).toBeVisible();
  // A compound with buildings in it (the demo street may also hold an empty, newly added one).
  const compound = tree.locator('[data-kind=compound]:not([data-children="0"])').first();
  for (let level = 0; level < 6 && (await compound.count()) === 0; level++) {
    const before = await nodes.count();
    await tree.locator('.ant-tree-switcher_close').first().click();
    await expect.poll(() => nodes.count()).toBeGreaterThan(before);
  }
  const compoundName = ((await compound.textContent()) ?? '').replace(/\s*小区.*$/s, '').trim();
  await compound.click();

  // Compound → building → unit, each a page with its breadcrumb, facts and the places beneath.
  await expect(page.getByRole('heading', { name: compoundName, level: 3 })).toBeVisible();
  await expect(page.getByText('物业管理方式')).toBeVisible();
  const table = page.locator('.ant-table-tbody');
  for (const kind of ['楼栋', '单元']) {
    await expect(table.locator('tr.ant-table-row').first()).toBeVisible();
    const link = table.locator('tr.ant-table-row').first().getByRole('link');
    const name = ((await link.textContent()) ?? '').trim();
    await link.click();
    await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
    await expect(page.locator('.gz-page-head').getByText(kind, { exact: true })).toBeVisible();
  }

  // In the unit, open the first room that has an owner of record.
  const owned = table.locator('tr.ant-table-row').filter({ hasNotText: '未登记业主' }).first();
  await expect(owned).toBeVisible();
  const roomNumber = ((await owned.getByRole('link').textContent()) ?? '').trim();
  await owned.getByRole('link').click();
  await expect(page).toHaveURL(/\/registry\/places\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 3 })).toContainText(`${compoundName} / `);
  await expect(page.getByRole('heading', { level: 3 })).toContainText(roomNumber);
  await expect(page.locator('.ant-breadcrumb')).toContainText(compoundName);

  // The owners on screen are the owners the API has on record, with masked phones.
  const roomId = page.url().split('/').pop()!;
  const res = await page.request.get(`/api/rooms/${roomId}/households`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: Household[] };
  const owners = items.filter((h) => h.current && (h.relation === 'owner' || h.relation === 'co_owner'));
  expect(owners.length).toBeGreaterThan(0);
  const households = page.locator('.ant-card').filter({ has: page.getByText('住户', { exact: true }) });
  for (const owner of owners) {
    const row = households.locator('tr.ant-table-row').filter({ hasText: owner.holderName });
    await expect(row.first()).toContainText(RELATION_LABEL[owner.relation]);
    if (owner.phone) {
      expect(owner.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      await expect(row.first()).toContainText(owner.phone);
    }
  }
  await page.screenshot({ path: shot('official-room-owners'), fullPage: true });

  // The household's activation code: issued when the room has none yet (the slips were never printed), or,
  // when its slip was lost, a new one after a confirmation that voids the old one.
  await expect(page.getByRole('button', { name: /生成激活码$/ })).toBeVisible();
  const reissue = page.getByRole('button', { name: '重新生成激活码' });
  const fresh = (await reissue.count()) > 0;
  if (fresh) {
    await reissue.click();
    await page.getByRole('button', { name: '重新生成', exact: true }).click();
  } else {
    await page.getByRole('button', { name: '生成激活码' }).click();
    await page.getByRole('button', { name: '生成', exact: true }).click();
  }
  const notice = page.getByText(fresh ? /^新激活码：[2-9A-HJKMNP-TV-Z]{8}$/ : /^激活码：[2-9A-HJKMNP-TV-Z]{8}$/);
  await expect(notice).toBeVisible();
  const code = (await notice.textContent())!.split('：')[1]!;
  await expect(page.locator('code').filter({ hasText: code })).toBeVisible();
  await page.screenshot({ path: shot('official-room-code-reissued') });

  // The people list exports what it shows as xlsx: search for the owner, export, the file arrives.
  await page.getByRole('menuitem', { name: '人员' }).click();
  await expect(page.getByRole('heading', { name: '人员', exact: true })).toBeVisible();
  const search = page.getByLabel('姓名、房号、手机号后 4 位或完整手机号');
  await search.fill(owners[0]!.holderName);
  await search.press('Enter');
  await expect(page.locator('tr.ant-table-row').filter({ hasText: owners[0]!.holderName }).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(/^已导出 \d+ 人$/)).toBeVisible();
});
