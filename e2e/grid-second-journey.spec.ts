import type { Locator } from '@playwright/test';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';
import { apiAs, expect, type Page, staffPage, test } from './fixtures.ts';
import { noSidewaysScroll, phone, pickOption, residentSignIn } from './journey-helpers.ts';

/**
 * Grid work's second half end to end (issue 25): the community secretary switches 阳光花园 into emergency mode and
 * watches the door-to-door screening's coverage rise as 张明远, a volunteer, marks households on his phone in elderly
 * mode; then ends it. A mediator takes a neighbours' dispute from application to an agreement and its PDF.
 */
const COMPOUND = '阳光花园';

/** Picks an option of an antd Select by its label within `scope` (a page or a dialog). */
async function choose(page: Page, label: string, option: string | RegExp, scope: Page | Locator = page) {
  await pickOption(page, scope.getByRole('combobox', { name: label }), option);
}

/** Ends a declaration left active at 阳光花园 by an earlier try of this journey (CI retries once). */
async function endLeftovers(baseURL: string) {
  const api = await apiAs(baseURL, 'shuji', DEMO_PASSWORD);
  const active = (await (await api.get('/api/grid/emergency/declarations?status=active&pageSize=50')).json()) as { items: { id: string; placeName: string }[] };
  for (const d of active.items.filter((x) => x.placeName === COMPOUND)) {
    expect((await api.post(`/api/grid/emergency/declarations/${d.id}/end`, { data: { summary: '上次演练遗留，结束' } })).ok()).toBe(true);
  }
  await api.dispose();
}

/** The H5 in elderly mode for this phone only: the account's saved choice is left as it is for the other journeys. */
async function inElderlyMode(page: Page) {
  await page.route('**/api/auth/me', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const res = await route.fetch();
    const body = (await res.json()) as { account?: { elderly?: boolean } };
    if (body.account) body.account.elderly = true;
    await route.fulfill({ response: res, json: body });
  });
}

async function coverage(page: Page): Promise<{ done: number; total: number }> {
  const text = (await page.getByTestId('coverage-total').textContent()) ?? '';
  const m = /已排查\s*(\d+)\s*\/\s*(\d+)\s*户/.exec(text);
  expect(m, text).not.toBeNull();
  return { done: Number(m![1]), total: Number(m![2]) };
}

test('an official switches 阳光花园 into emergency mode → a volunteer marks households on his phone → coverage rises → ended', async ({ browser, baseURL }) => {
  test.setTimeout(5 * 60_000);
  await endLeftovers(baseURL!);
  const official = await staffPage(browser, 'shuji');
  await official.goto('/grid/emergency');
  await official.getByRole('button', { name: '启动应急' }).click();
  const form = official.getByRole('dialog');
  await choose(official, '应急区域', `${COMPOUND}（小区）`, form);
  await form.getByLabel('启动原因').fill('寒潮橙色预警，入户排查独居老人和困难家庭');
  await form.getByRole('button', { name: '确定', exact: true }).click();
  await expect(official).toHaveURL(/\/grid\/emergency\/[0-9a-f-]{36}$/);
  await expect(official.getByTestId('coverage-total')).toContainText('已排查 0 /');
  const start = await coverage(official);
  expect(start.total).toBeGreaterThan(10);

  await official.getByRole('tab', { name: '人员分配' }).click();
  await choose(official, '楼栋', /^1栋$/);
  await choose(official, '排查人员', '张明远（志愿者');
  await official.getByRole('button', { name: '分配', exact: true }).click();
  await expect(official.getByText('张明远（志愿者）').first()).toBeVisible();
  await official.getByRole('tab', { name: '入户排查' }).click();
  await official.screenshot({ path: shot('grid-emergency-declared'), fullPage: true });

  // 张明远 on his phone, in elderly mode: the pinned notice on his home, then his building's households.
  const volunteer = await (await phone(browser)).newPage();
  await inElderlyMode(volunteer);
  await residentSignIn(volunteer, RESIDENT_PHONE);
  await volunteer.goto('/h5');
  await expect(volunteer.getByTestId('emergency-pinned')).toContainText(COMPOUND);
  await expect(volunteer.locator('html')).toHaveClass(/gz-elderly/);
  await volunteer.screenshot({ path: shot('grid-emergency-pinned-h5') });
  await volunteer.goto('/h5/grid/screening');
  const households = volunteer.getByTestId('screening-household');
  await expect(households.first()).toBeVisible();
  for (const status of ['已入户', '无人在家']) {
    const pending = households.filter({ has: volunteer.getByRole('button', { name: '开始入户' }) }).first();
    await pending.getByRole('button', { name: '开始入户' }).click();
    await volunteer.getByRole('button', { name: status, exact: true }).click();
    await expect(volunteer.getByRole('button', { name: status, exact: true })).toBeHidden();
  }
  await noSidewaysScroll(volunteer);
  await volunteer.screenshot({ path: shot('grid-emergency-screening-h5') });
  await volunteer.context().close();

  // The coverage page polls: it shows the two households without a reload.
  await expect.poll(async () => (await coverage(official)).done, { timeout: 30_000 }).toBe(2);
  await official.screenshot({ path: shot('grid-emergency-coverage'), fullPage: true });

  await official.getByRole('tab', { name: '结束应急' }).click();
  await official.getByLabel('应急总结').fill('寒潮过去，排查发现的需求已转交社区跟进');
  await official.getByRole('button', { name: '结束应急' }).last().click();
  await official.getByRole('button', { name: '确定', exact: true }).last().click();
  await expect(official.getByText('已结束').first()).toBeVisible();
  await official.screenshot({ path: shot('grid-emergency-ended'), fullPage: true });
});

test('a mediator takes a neighbours’ dispute from application to an agreement and its PDF', async ({ browser }) => {
  test.setTimeout(4 * 60_000);
  const mediator = await staffPage(browser, 'juweihui');
  await mediator.goto('/grid/mediation/new');
  await choose(mediator, '纠纷类别', '邻里纠纷');
  await mediator.getByLabel('案件概要').fill('楼上空调外机滴水，楼下多次协商未果');
  const names = mediator.getByPlaceholder('当事人姓名');
  const phones = mediator.getByPlaceholder('联系电话');
  await names.nth(0).fill('陈海涛');
  await phones.nth(0).fill('13911112222');
  await names.nth(1).fill('刘春梅');
  await phones.nth(1).fill('13933334444');
  await mediator.getByRole('button', { name: '提交', exact: true }).click();
  await expect(mediator).toHaveURL(/\/grid\/mediation\/[0-9a-f-]{36}$/);
  await expect(mediator.getByText('待受理').first()).toBeVisible();

  await mediator.getByRole('button', { name: '受理', exact: true }).click();
  await mediator.getByRole('button', { name: '确定', exact: true }).last().click();
  await expect(mediator.getByText('已受理').first()).toBeVisible();

  await mediator.getByRole('button', { name: '记录调解', exact: true }).click();
  await mediator.getByRole('dialog').getByLabel('调解情况').fill('双方到场，物业查明滴水原因为冷凝管脱落，同意修复并赔偿晾晒衣物损失');
  await mediator.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
  await expect(mediator.getByText('调解中').first()).toBeVisible();

  await mediator.getByRole('button', { name: '达成协议', exact: true }).click();
  await mediator.getByRole('dialog').getByLabel('协议内容').fill('一、陈海涛于7日内修复空调冷凝管；二、赔偿刘春梅衣物损失300元；三、双方不再就此事争执。');
  await mediator.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
  await expect(mediator.getByText('已达成协议').first()).toBeVisible();

  const link = mediator.getByRole('link', { name: '下载调解协议书' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/api\/grid\/mediation\/cases\/[0-9a-f-]{36}\/agreement\.pdf$/);
  const pdf = await mediator.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await mediator.screenshot({ path: shot('grid-mediation-agreed'), fullPage: true });
});
