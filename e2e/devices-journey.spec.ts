import { RESIDENT_PHONE, shot } from './demo.ts';
import { expect, type Page, staffPage, test } from './fixtures.ts';
import { noSidewaysScroll, phone, pickOption, residentSignIn } from './journey-helpers.ts';
import { send, signedEvent, vehicleIn } from '../server/modules/devices/devices.simulator.ts';

/**
 * Gates and parking end to end (issue 26): the property manager `wuye` registers a barrier at 阳光花园 and copies its
 * key, shown once; 张明远 (13800000001) invites a driving visitor on his phone and gets a QR pass; the device
 * simulator, holding the barrier's key, signs the visitor's arrival (plate and QR code) and the platform admits it as
 * a visitor; 张明远 is told on his phone; the property staff `wuyestaff` see the arrival in 通行记录 and one more car
 * inside on 停车实况, which polls.
 */
const COMPOUND = '阳光花园';

/** The number of vehicles the gates counted inside 阳光花园, as 停车实况's card says it. */
async function vehiclesInside(page: Page): Promise<number> {
  const card = page.locator('.ant-card').filter({ hasText: COMPOUND }).filter({ hasText: '道闸计数在场' }).first();
  const text = (await card.textContent()) ?? '';
  const m = /道闸计数在场\s*(\d+)\s*辆/.exec(text);
  expect(m, `停车实况 card of ${COMPOUND}: ${text}`).not.toBeNull();
  return Number(m![1]);
}

test('a resident invites a driving visitor on his phone → the simulated barrier admits the pass → he is told → the property staff see the arrival and one more car inside', async ({ browser, baseURL }) => {
  test.setTimeout(5 * 60_000);
  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const plate = `冀A${suffix}D`;

  // The property manager registers a barrier and keeps its key (shown this once).
  const manager = await staffPage(browser, 'wuye');
  await manager.goto('/devices/registry');
  await manager.getByRole('button', { name: '登记设备' }).click();
  const form = manager.getByRole('dialog');
  await pickOption(manager, form.getByRole('combobox', { name: '小区' }), COMPOUND);
  await pickOption(manager, form.getByRole('combobox', { name: '类型' }), '车辆道闸');
  await form.getByLabel('设备名称').fill(`南门车辆道闸 ${suffix}`);
  await form.getByRole('button', { name: '登记并生成密钥' }).click();
  const keyDialog = manager.getByRole('dialog').filter({ hasText: '密钥只显示这一次' });
  await expect(keyDialog).toBeVisible();
  const codes = keyDialog.locator('code');
  const barrier = { keyId: (await codes.nth(0).textContent())!.trim(), secret: (await codes.nth(1).textContent())!.trim() };
  expect(barrier.keyId).toMatch(/^[a-z0-9]{16,40}$/);
  expect(barrier.secret.length).toBeGreaterThanOrEqual(32);
  await manager.screenshot({ path: shot('devices-key-once'), fullPage: true });
  await keyDialog.getByRole('button', { name: '我已保存' }).click();
  await manager.context().close();

  // The property staff watch the live occupancy before the visitor comes.
  const staff = await staffPage(browser, 'wuyestaff');
  await staff.goto('/devices/parking/live');
  await expect(staff.locator('.ant-card').filter({ hasText: COMPOUND }).filter({ hasText: '道闸计数在场' }).first()).toBeVisible();
  const before = await vehiclesInside(staff);

  // 张明远 invites 李雷, driving, on his phone.
  const resident = await (await phone(browser)).newPage();
  await residentSignIn(resident, RESIDENT_PHONE, 30_000);
  await resident.goto('/h5/devices/passes/new');
  await resident.getByRole('textbox', { name: '访客姓名' }).fill('李雷');
  await resident.getByRole('textbox', { name: '访客车牌' }).fill(plate);
  await resident.getByRole('button', { name: '生成通行码' }).click();
  await expect(resident).toHaveURL(/\/h5\/devices\/passes\/[0-9a-f-]{36}$/);
  await expect(resident.getByTestId('pass-qr')).toBeVisible();
  await noSidewaysScroll(resident);
  await resident.screenshot({ path: shot('devices-pass-phone'), fullPage: true });
  const passId = /passes\/([0-9a-f-]{36})$/.exec(resident.url())![1];
  const pass = (await (await resident.request.get(`/api/me/devices/passes/${passId}`)).json()) as { code: string };
  expect(pass.code).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

  // The simulator's barrier, signing with the key, reads the plate and the QR code: admitted as a visitor.
  const signed = signedEvent(barrier, vehicleIn(plate, pass.code));
  const arrival = await send(baseURL!, signed);
  expect(arrival.status, JSON.stringify(arrival.body)).toBe(200);
  expect(arrival.body).toMatchObject({ admit: true, result: 'visitor' });
  // The same request again is a replay, and one signed with another key a forgery: both refused.
  expect((await send(baseURL!, signed)).status).toBe(409);
  expect((await send(baseURL!, signedEvent({ ...barrier, secret: 'not-the-barrier-key-000000000000000' }, vehicleIn(plate, pass.code)))).status).toBe(401);

  // 张明远 is told on his phone.
  await resident.goto('/h5/messages');
  await expect(resident.getByText('访客已到达').first()).toBeVisible();
  await expect(resident.getByText(/您的访客李雷已到达阳光花园/).first()).toBeVisible();
  await resident.screenshot({ path: shot('devices-arrival-phone'), fullPage: true });
  await resident.context().close();

  // The property staff see the arrival in 通行记录 and one more car inside (the page polls every 5 s).
  await expect.poll(() => vehiclesInside(staff), { timeout: 30_000 }).toBe(before + 1);
  await staff.screenshot({ path: shot('devices-live'), fullPage: true });
  await staff.goto('/devices/movements');
  await staff.getByPlaceholder(/车牌/).first().fill(plate);
  await staff.getByPlaceholder(/车牌/).first().press('Enter');
  const row = staff.locator('.ant-table-row').filter({ hasText: plate });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toContainText('访客');
  await staff.screenshot({ path: shot('devices-movements'), fullPage: true });
  await staff.context().close();
});
