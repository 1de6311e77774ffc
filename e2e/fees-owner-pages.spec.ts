import { RESIDENT_PHONE, shot, STREET_OFFICIAL } from './demo.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { desktop, noSidewaysScroll, phone, residentSignIn, staffSignIn } from './journey-helpers.ts';

// A busy machine: allow the pages time.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * The owner's side of the money that no other journey opens: 评价物业 and 维修资金 on a phone, in elderly mode, and the
 * staff pages behind them (业主评价, 维修资金, 先缴后补) — each renders its demo data with no page or console error.
 */
test("an owner opens 评价物业 and 维修资金 on a phone in elderly mode; the company and the street open the pages behind them", async ({ browser }) => {
  test.setTimeout(240_000);
  const ownerCtx = await phone(browser);
  const owner = await ownerCtx.newPage();
  await residentSignIn(owner, RESIDENT_PHONE, 30_000);
  await owner.goto('/h5/me');
  await owner.getByLabel('长辈模式（大字）').click();
  await expect(owner.locator('html')).toHaveClass(/gz-elderly/);
  try {
    // 办事 → 评价物业: each compound he owns a room in, with its months to rate (or the bills to pay first).
    await owner.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
    await owner.getByRole('link', { name: /评价物业/ }).click();
    await expect(owner).toHaveURL(/\/h5\/fees\/ratings$/);
    await expect(owner.getByText('阳光花园').first()).toBeVisible();
    await noSidewaysScroll(owner);
    await owner.screenshot({ path: shot('fees-ratings-h5-elderly'), fullPage: true });

    // 维修资金: the published quarter of his compound with its uses and their basis, and his rooms' lines.
    await owner.goto('/h5/fees/fund');
    await expect(owner.getByText('阳光花园').first()).toBeVisible();
    await owner.getByText(/2026-Q3/).first().click();
    await expect(owner).toHaveURL(/127\.0\.0\.1:\d+\/h5\/fees\/fund\/[0-9a-f-]{36}$/);
    await expect(owner.getByText('本季度使用明细')).toBeVisible();
    await expect(owner.getByText('我的房屋本季度流水')).toBeVisible();
    await noSidewaysScroll(owner);
    await owner.screenshot({ path: shot('fees-fund-h5-elderly'), fullPage: true });
  } finally {
    const token = ((await (await owner.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    await owner.request.patch('/api/auth/me', { data: { elderly: false }, headers: { 'x-csrf-token': token } });
  }

  // The company reads its owners' ratings; the street the fund and the subsidies.
  const companyCtx = await desktop(browser);
  const company = await companyCtx.newPage();
  await staffSignIn(company, 'wuye', 30_000);
  await company.goto('/fees/ratings');
  await expect(company.getByRole('heading', { name: '业主评价' })).toBeVisible();
  await expect(company.locator('.ant-table-row').first()).toBeVisible();
  await company.screenshot({ path: shot('fees-ratings-workbench'), fullPage: true });

  const streetCtx = await desktop(browser);
  const street = await streetCtx.newPage();
  await staffSignIn(street, STREET_OFFICIAL, 30_000);
  await street.goto('/fees/subsidies');
  await expect(street.getByRole('heading', { name: '先缴后补' })).toBeVisible();
  await expect(street.locator('.ant-table-row').first()).toBeVisible();
  await street.screenshot({ path: shot('fees-subsidies-workbench'), fullPage: true });
  await street.goto('/fees/fund');
  await expect(street.getByRole('heading', { name: '专项维修资金' })).toBeVisible();
  await street.screenshot({ path: shot('fees-fund-workbench'), fullPage: true });

  for (const c of [ownerCtx, companyCtx, streetCtx]) await c.close();
});
