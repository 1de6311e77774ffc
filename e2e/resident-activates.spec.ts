import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, PLATFORM_ADMIN, STREET_OFFICIAL, shot } from './demo.ts';

/**
 * The demo street's household member without an account (server/modules/registry/demo/plan-homes.ts,
 * DEMO_UNACTIVATED): 吴安然, family member in 阳光花园 2栋 1单元 301, ID number …0526.
 */
const UNACTIVATED = { name: '吴安然', compound: '阳光花园', typedRoom: '2-1-301', label: '阳光花园 / 2栋 / 1单元 / 301', idLast4: '0526' };
const PHONE = '13700000088';
const PASSWORD = 'Resident2026';

interface MyHome {
  person: { name: string } | null;
  rooms: { roomLabel: string; relation: string; compoundName: string }[];
}

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('a resident signs up with an SMS code, claims their room and sees 我的家', async ({ page, playwright, baseURL }) => {
  // Sign-in page → 注册 / 激活
  await page.goto('/h5/');
  await expect(page).toHaveURL(/\/h5\/login$/);
  await page.getByRole('link', { name: '注册 / 激活' }).click();
  await expect(page).toHaveURL(/\/h5\/signup$/);
  await expect(page.getByRole('heading', { name: '注册账号', level: 1 })).toBeVisible();

  // Phone → code by SMS (the sandbox keeps it; the platform admin, its only reader, reads it from the dev inbox).
  await page.getByRole('textbox', { name: '手机号' }).fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('button', { name: /秒后重发/ })).toBeVisible();

  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post('/api/auth/login', { data: { login: PLATFORM_ADMIN, password: DEMO_PASSWORD } })).ok()).toBe(true);
  const inbox = (await (await admin.get(`/api/sms/sandbox?phone=${PHONE}`)).json()) as { items: { phone: string; text: string }[] };
  await admin.dispose();
  expect(inbox.items[0]!.phone).toBe('137****0088');
  const code = /验证码为 (\d{6})/.exec(inbox.items[0]!.text)?.[1];
  expect(code, 'a 6-digit code in the text').toMatch(/^\d{6}$/);

  await page.getByRole('textbox', { name: '验证码' }).fill(code!);
  await page.getByRole('textbox', { name: '设置密码' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: '确认密码' }).fill(PASSWORD);
  // The privacy notice must be agreed to; the ID number's consent is apart (PIPL art. 29). Unrun here.
  await page.getByText('我已阅读并同意个人信息保护政策').click();
  await page.getByText(/我单独同意处理我的身份证号/).click();
  await page.screenshot({ path: shot('resident-activate-signup'), fullPage: true });
  await page.getByRole('button', { name: '注册并认领房屋' }).click();

  // Claim: pick the compound, type the room, name and the last four of the ID number.
  await expect(page).toHaveURL(/\/h5\/activate$/);
  await expect(page.getByRole('heading', { name: '认领房屋', level: 1 })).toBeVisible();
  await page.getByPlaceholder('输入小区名称搜索').fill(UNACTIVATED.compound);
  await page.getByText(UNACTIVATED.compound, { exact: true }).first().click();
  await page.getByRole('textbox', { name: '直接输入房号' }).fill(UNACTIVATED.typedRoom);
  await page.getByText(UNACTIVATED.label, { exact: true }).click();
  await expect(page.locator('.gz-act-room-label').filter({ hasText: UNACTIVATED.label })).toBeVisible();
  await page.getByRole('textbox', { name: '姓名' }).fill(UNACTIVATED.name);
  await page.getByRole('textbox', { name: '身份证号后四位' }).fill(UNACTIVATED.idLast4);
  await page.screenshot({ path: shot('resident-activate-claim'), fullPage: true });
  await page.getByRole('button', { name: '提交认领' }).click();

  // Activated, as the registry's relation (a family member), never as an owner.
  await expect(page.getByText('激活成功')).toBeVisible();
  await expect(page.getByText(`您已作为“家庭成员”关联到 ${UNACTIVATED.label}`)).toBeVisible();
  await page.screenshot({ path: shot('resident-activated') });
  await page.getByRole('button', { name: '进入我的家' }).click();

  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
  const home = (await (await page.request.get('/api/me/home')).json()) as MyHome;
  expect(home.person?.name).toBe(UNACTIVATED.name);
  expect(home.rooms.map((r) => [r.compoundName, r.roomLabel, r.relation])).toEqual([[UNACTIVATED.compound, '2栋 / 1单元 / 301', 'family']]);
  await expect(page.getByText('2栋 / 1单元 / 301', { exact: true })).toBeVisible();
  await expect(page.locator('.adm-list-item').filter({ hasText: '2栋 / 1单元 / 301' }).getByText('家庭成员')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shot('resident-activated-home') });

  // The account signs in with its password from now on, and the activation counts in the rates.
  const official = await playwright.request.newContext({ baseURL });
  expect((await official.post('/api/auth/login', { data: { login: STREET_OFFICIAL, password: DEMO_PASSWORD } })).ok()).toBe(true);
  const rates = (await (await official.get('/api/activation/rates')).json()) as { totals: { activated: number } };
  expect(rates.totals.activated).toBeGreaterThanOrEqual(3);
  await official.dispose();
});
