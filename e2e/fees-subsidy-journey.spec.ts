import { STREET_OFFICIAL, shot } from './demo.ts';
import { expect as baseExpect, staffPage, test } from './fixtures.ts';
import { noSidewaysScroll, phone, residentSignIn } from './journey-helpers.ts';

// The gateway's notification comes from the sandbox's delivery job (every second, over HTTP): allow for it.
const expect = baseExpect.configure({ timeout: 30_000 });

/** 林晓雯, tenant of 阳光花园 3栋1单元502 with a 低保 certificate; the owner lets her pay the flat's bills (the fees demo). */
const HOUSEHOLD = '13800000002';
/** The demo community's residents' committee: it reviews 先缴后补 statements there. */
const COMMITTEE = 'juweihui';
const VOUCHER = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

test('a low-income household pays on a phone, the community reviews and the street approves its subsidy, and the household sees it paid out', async ({ browser }) => {
  // ——— The household pays this month's bill in the sandbox cashier. ———
  const householdCtx = await phone(browser);
  const household = await householdCtx.newPage();
  await residentSignIn(household, HOUSEHOLD, 30_000);
  await household.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  // The tile's name says 先缴后补, not 物业费: the 物业费 tile stays the one link of that name.
  await household.getByRole('link', { name: /先缴后补/ }).click();
  await expect(household).toHaveURL(/\/h5\/fees\/subsidies$/);
  // The subsidy of two months ago is on a statement the community has not reviewed yet.
  const waiting = household.locator('.adm-list-item').filter({ has: household.locator('[data-stage="reviewing"]') }).first();
  await expect(waiting).toBeVisible();
  const period = /(\d{4}-\d{2}) 物业费/.exec((await waiting.textContent()) ?? '')![1]!;
  await household.screenshot({ path: shot('fees-subsidy-before'), fullPage: true });

  await household.goto('/h5/fees');
  await household.getByRole('button', { name: '去缴费' }).first().click();
  const payButton = household.getByRole('button', { name: /^去支付 [\d,]+\.\d{2} 元$/ });
  await payButton.click();
  await expect(household.getByText('收银台（沙箱）')).toBeVisible();
  await household.getByRole('button', { name: '确认支付' }).click();
  await expect(household.getByText('支付成功')).toBeVisible();

  // Her payment made this month's subsidy at once: 待结算 until the month's statement.
  await household.goto('/h5/fees/subsidies');
  await expect(household.locator('[data-stage="pending"]').first()).toBeVisible();
  await noSidewaysScroll(household);
  await household.screenshot({ path: shot('fees-subsidy-granted'), fullPage: true });

  // ——— The residents' committee reviews the statement. ———
  const committee = await staffPage(browser, COMMITTEE);
  const found = await (await committee.request.get(`/api/payouts?kind=fees.pay_first_subsidy&status=draft&period=${period}&q=${encodeURIComponent('林晓雯')}`)).json();
  expect(found.total).toBe(1);
  const statement = found.items[0] as { id: string; totalFen: number };
  await committee.goto(`/payouts/${statement.id}`);
  await expect(committee.getByRole('heading', { level: 3 })).toContainText('林晓雯');
  await expect(committee.getByText('先缴后补').first()).toBeVisible();
  await committee.getByRole('button', { name: '审核', exact: true }).click();
  const review = committee.getByRole('dialog').filter({ hasText: '确认审核结算单' });
  await review.getByRole('button', { name: '审核', exact: true }).click();
  await expect(committee.getByText('已审核').first()).toBeVisible();
  await expect(committee.getByRole('button', { name: '审批', exact: true })).toHaveCount(0);
  await committee.context().close();

  // ——— The street approves it and records the payment with its voucher. ———
  const street = await staffPage(browser, STREET_OFFICIAL);
  await street.goto(`/payouts/${statement.id}`);
  await street.getByRole('button', { name: '审批', exact: true }).click();
  const approve = street.getByRole('dialog').filter({ hasText: '确认审批结算单' });
  await approve.getByRole('button', { name: '审批', exact: true }).click();
  await expect(street.getByText('已审批').first()).toBeVisible();
  await street.getByRole('button', { name: '登记付款', exact: true }).click();
  const pay = street.getByRole('dialog').filter({ hasText: '付款凭证号' });
  await pay.getByLabel('付款凭证号').fill('BT-E2E-0001');
  await pay.locator('input[type="file"]').setInputFiles({ name: '补贴发放凭证.pdf', mimeType: 'application/pdf', buffer: VOUCHER });
  await pay.getByRole('button', { name: '登记付款', exact: true }).click();
  await expect(street.getByText('已付款').first()).toBeVisible();
  await street.screenshot({ path: shot('fees-subsidy-statement-paid'), fullPage: true });

  // The street's 先缴后补 page lists the lines.
  await street.getByRole('navigation', { name: '主菜单' }).getByText('先缴后补', { exact: true }).click();
  await expect(street.getByRole('heading', { name: '先缴后补', level: 3 })).toBeVisible();
  await expect(street.getByText('实缴金额的 50%').first()).toBeVisible();
  await street.context().close();

  // ——— The household sees it paid out. ———
  await household.reload();
  const paid = household.locator('.adm-list-item').filter({ hasText: `${period} 物业费` }).first();
  await expect(paid.locator('[data-stage="paid"]')).toBeVisible();
  await expect(paid).toContainText('已发放');
  await household.screenshot({ path: shot('fees-subsidy-paid'), fullPage: true });
  await householdCtx.close();
});
