import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, STREET_OFFICIAL, shot } from './demo.ts';

/** GB 11643 check character, so the file's ID numbers are valid. */
function withChecksum(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return first17 + '10X98765432'[sum % 11];
}

interface PlaceChild {
  id: string;
  kind: string;
  name: string;
  childCount: number;
}

test('a street official uploads a household file, reads the dry run, commits and watches it finish', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(STREET_OFFICIAL);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '待办事项' })).toBeVisible();

  // Find a compound of the demo street through the API, then open its page.
  const roots = (await (await page.request.get('/api/places/roots')).json()) as { items: PlaceChild[] };
  let compound: PlaceChild | undefined;
  const queue = [...roots.items];
  while (!compound && queue.length) {
    const p = queue.shift()!;
    if (p.kind === 'compound') compound = p;
    else {
      const res = (await (await page.request.get(`/api/places/${p.id}/children?pageSize=50`)).json()) as { items: PlaceChild[] };
      queue.push(...res.items);
    }
  }
  expect(compound).toBeTruthy();
  await page.goto(`/registry/places/${compound!.id}`);
  await page.getByRole('link', { name: '住户导入' }).last().click();
  await expect(page.getByRole('heading', { name: '住户导入' })).toBeVisible();
  await expect(page.locator('.ant-select').filter({ hasText: compound!.name })).toBeVisible();

  // A new building of four rooms: owners, a co-owner, a tenant; and one row with a bad ID number.
  const stamp = String(Date.now()).slice(-5);
  const building = `E${stamp}栋`;
  const id = (n: number) => withChecksum(`1101011988${String(n).padStart(2, '0')}01${stamp.slice(-3)}`.slice(0, 17));
  const rows = [
    '楼栋,单元,房号,楼层,专有面积,面积来源,用途,姓名,身份证号,手机号,关系,份额,标签',
    `${building},1单元,101,1,89.50,不动产登记,住宅,测试甲,${id(1)},13711110001,业主,50%,党员`,
    `${building},1单元,101,1,89.50,不动产登记,住宅,测试乙,${id(2)},13711110002,共有人,50%,`,
    `${building},1单元,102,1,76.20,不动产登记,住宅,测试丙,${id(3)},13711110003,业主,100%,`,
    `${building},1单元,102,1,76.20,不动产登记,住宅,测试丁,,13711110004,租户,,`,
    `${building},1单元,201,2,89.50,不动产登记,住宅,测试戊,110101198801010001,13711110005,业主,100%,`,
  ];
  await page.locator('input[type=file]').setInputFiles({ name: '住户导入.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8') });

  // The dry run: counts, and the one error named by row and column.
  await expect(page.getByText('预检结果')).toBeVisible({ timeout: 30_000 });
  const findings = page.locator('.ant-card').filter({ hasText: '问题清单' });
  const errorRow = findings.locator('tr.ant-table-row').filter({ hasText: '校验不通过' });
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText('6');
  await expect(errorRow).toContainText('I「身份证号」');
  await expect(page.getByText('有 1 行存在错误')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交导入' })).toBeDisabled();
  await page.screenshot({ path: shot('official-import-dry-run'), fullPage: true });

  // The report downloads as xlsx.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载报告/ }).click();
  expect((await download).suggestedFilename()).toMatch(/导入报告\.xlsx$/);

  // Skip the invalid row and commit; the progress bar runs to the summary.
  await page.getByRole('checkbox', { name: /跳过错误行/ }).check();
  await page.getByRole('button', { name: '提交导入' }).click();
  await expect(page.getByText('确认导入？')).toBeVisible();
  await page.screenshot({ path: shot('official-import-confirm'), fullPage: true });
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('已导入 4 行，跳过 1 行。')).toBeVisible();
  const result = page.locator('.ant-result');
  await expect(result.locator('tr').filter({ hasText: '房屋' })).toContainText('2');
  await page.screenshot({ path: shot('official-import-done'), fullPage: true });

  // The rooms are in the registry with their owners.
  await result.getByRole('button', { name: '查看小区' }).click();
  await expect(page.getByRole('link', { name: building })).toBeVisible();
});
