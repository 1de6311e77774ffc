import { RESIDENT_PHONE, shot } from './demo.ts';
import { type Browser, expect, type Page, staffPage, test } from './fixtures.ts';
import { gradientPng, noSidewaysScroll, phone, residentSignIn } from './journey-helpers.ts';

/**
 * Volunteers and neighbours end to end (issue 23): 林晓雯 (13800000002, a tenant in 阳光花园) registers as a volunteer
 * on her phone; the residents' committee (`juweihui`) approves her; she grabs the open task 「为独居老人代取药品」,
 * finishes it with a photo; the committee confirms it and her points appear. Then she borrows 张明远's book 「三体」
 * (13800000001 lends it on his phone) and he confirms its return.
 */
const VOLUNTEER_PHONE = '13800000002';
const VOLUNTEER = '林晓雯';
const TASK = '为独居老人代取药品';
const BOOK = '三体';

async function residentPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await phone(browser)).newPage();
  await residentSignIn(page, login, 30_000);
  return page;
}
/** Clicks `button` and the OK of the confirmation it opens (an antd-mobile Dialog or an antd Popconfirm/Modal). */
async function confirmed(page: Page, button: ReturnType<Page['getByRole']>, ok: string) {
  await button.click();
  await page.getByRole('button', { name: ok, exact: true }).last().click();
}

test('a resident registers as a volunteer → is approved → grabs a task and finishes it with a photo → the community confirms and the points appear; a neighbour borrows a book and returns it', async ({ browser }) => {
  test.setTimeout(5 * 60_000);

  // She registers on her phone.
  const volunteer = await residentPage(browser, VOLUNTEER_PHONE);
  await volunteer.goto('/h5/volunteers/join');
  await volunteer.getByText('助老服务', { exact: true }).click();
  await volunteer.getByPlaceholder('例如：周末白天、工作日晚上').fill('周末白天，工作日晚上七点以后');
  await volunteer.getByRole('button', { name: '提交注册' }).click();
  await expect(volunteer.getByText('等待社区审核').first()).toBeVisible();
  await noSidewaysScroll(volunteer);
  await volunteer.screenshot({ path: shot('volunteers-registered'), fullPage: true });

  // The residents' committee approves her.
  const committee = await staffPage(browser, 'juweihui');
  await committee.goto('/volunteers/registry');
  await committee.getByPlaceholder('搜索姓名').fill(VOLUNTEER);
  await committee.getByPlaceholder('搜索姓名').press('Enter');
  const row = committee.locator('.ant-table-row').filter({ hasText: VOLUNTEER });
  await confirmed(committee, row.getByRole('button', { name: '通过' }), '确定');
  await expect(committee.locator('.ant-table-row').filter({ hasText: VOLUNTEER }).getByText('已通过')).toBeVisible();
  await committee.screenshot({ path: shot('volunteers-approved'), fullPage: true });

  // She grabs the task on her phone and finishes it with a photo.
  await volunteer.goto('/h5/volunteers/tasks');
  const card = volunteer.locator('.adm-card, .adm-list-item').filter({ hasText: TASK }).first();
  await confirmed(volunteer, card.getByRole('button', { name: '抢单' }), '确定');
  await expect(volunteer.getByText('抢单成功').first()).toBeVisible();
  await volunteer.getByRole('button', { name: '完成任务' }).first().click();
  await volunteer.locator('input[type=file]').first().setInputFiles({ name: 'delivered.png', mimeType: 'image/png', buffer: gradientPng(320, 240) });
  await volunteer.getByPlaceholder('说明完成情况').fill('已从社区卫生服务站取回降压药，交到王奶奶手中');
  await volunteer.getByRole('button', { name: '提交' }).click();
  await expect(volunteer.getByText('待确认').first()).toBeVisible();
  await noSidewaysScroll(volunteer);
  await volunteer.screenshot({ path: shot('volunteers-task-done'), fullPage: true });

  // The committee confirms it: her points are credited.
  await committee.goto('/volunteers/tasks');
  await committee.getByRole('link', { name: TASK }).first().click();
  await expect(committee).toHaveURL(/\/volunteers\/tasks\/[0-9a-f-]{36}$/);
  await confirmed(committee, committee.getByRole('button', { name: '确认完成' }), '确认');
  await expect(committee.getByText('已确认').first()).toBeVisible();
  await committee.screenshot({ path: shot('volunteers-task-confirmed'), fullPage: true });
  await committee.context().close();

  await volunteer.goto('/h5/volunteers/me');
  await expect(volunteer.getByTestId('points-balance')).toHaveText('20');
  await volunteer.screenshot({ path: shot('volunteers-points'), fullPage: true });

  // She asks to borrow 张明远's book.
  await volunteer.goto('/h5/volunteers/lending');
  await volunteer.getByText(BOOK, { exact: true }).first().click();
  await expect(volunteer).toHaveURL(/\/h5\/volunteers\/lending\/[0-9a-f-]{36}$/);
  await confirmed(volunteer, volunteer.getByRole('button', { name: '申请借用' }), '确定');
  await expect(volunteer.getByText('已申请').first()).toBeVisible();

  // 张明远 lends it, and confirms its return.
  const owner = await residentPage(browser, RESIDENT_PHONE);
  await owner.goto('/h5/volunteers/lending/mine');
  await confirmed(owner, owner.getByRole('button', { name: '同意借出' }).first(), '确定');
  await expect(owner.getByText('借出中').first()).toBeVisible();
  await owner.screenshot({ path: shot('volunteers-book-lent'), fullPage: true });
  await confirmed(owner, owner.getByRole('button', { name: '确认归还' }).first(), '确定');
  await expect(owner.getByText('已归还').first()).toBeVisible();
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('volunteers-book-returned'), fullPage: true });
});
