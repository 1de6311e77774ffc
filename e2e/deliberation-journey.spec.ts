import { expect as baseExpect, type Page, test, apiAs } from './fixtures.ts';
import { desktop, gradientPng, noSidewaysScroll, phone, residentSignIn as signInResident, staffSignIn as signInStaff } from './journey-helpers.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, shot } from './demo.ts';

/** The demo tenant of 阳光花园 3栋1单元502, the room 张明远 owns: a neighbour — and a member of one of his households. */
const NEIGHBOUR_PHONE = '13800000002';
/** Promotes opinions (residents' committee staff), decides the agenda and runs the meeting (community party secretary), carries the task out (property company). */
const COMMITTEE_STAFF = 'juweihui';
const SECRETARY = 'shuji';
const PROPERTY_MANAGER = 'wuye';
const COMPOUND = '阳光花园';

// Five people through all six stages on two shared cores: far longer than one page's journey.
test.setTimeout(420_000);
const expect = baseExpect.configure({ timeout: 30_000 });


// Sign-ins wait as long as the journey's other steps (30 s): the first page of a fresh server on two shared cores.
const residentSignIn = (page: Page, login: string) => signInResident(page, login, 30_000);
const staffSignIn = (page: Page, login: string) => signInStaff(page, login, 30_000);

/** The open antd dropdown's option with this text (closed dropdowns stay in the page, hidden). */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');
const openOption = (page: Page, text: string) => openDropdown(page).locator('.ant-select-item-option').filter({ hasText: text });
/**
 * Picks an option of an open single select by its exact text, and waits for the dropdown to close. A click that
 * lands while the dropdown is still sliding in is dropped by antd, so the pick is tried again while it stays open.
 */
async function pick(page: Page, text: string) {
  await expect(async () => {
    const open = openDropdown(page);
    if ((await open.count()) > 0) await open.locator(`.ant-select-item-option[title="${text}"]`).click({ timeout: 5_000 });
    await expect(openDropdown(page)).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('a complaint is promoted, accepted, discussed at a joint meeting, carried out with photos, shown in public and rated on phones', async ({ browser, baseURL }) => {
  const suffix = Date.now().toString(36);
  const title = `小区东门道闸经常失灵 ${suffix}`;

  // ——— 1. 张明远 complains in public in 议事; a neighbour says me too. ———
  const posterCtx = await phone(browser);
  const poster = await posterCtx.newPage();
  await residentSignIn(poster, RESIDENT_PHONE);
  await poster.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '议事' }).click();
  await expect(poster.getByRole('heading', { name: '议事', level: 1 })).toBeVisible();
  await poster.getByRole('button', { name: '我要说' }).click();
  await expect(poster.getByRole('heading', { name: '发表意见', level: 1 })).toBeVisible();
  const option = (text: string) => poster.locator('.adm-selector-item').filter({ hasText: text });
  await option('公开').click();
  await option('物业服务企业').click();
  await option('投诉').click();
  await expect(option('投诉')).toHaveClass(/adm-selector-item-active/);
  await poster.getByPlaceholder('一句话说清楚').fill(title);
  await poster.getByPlaceholder('详细说说情况').fill('东门车辆道闸一周坏了三次，早高峰车辆排到马路上，老人孩子进出也不安全。');
  await poster.getByRole('button', { name: '提交' }).click();
  await expect(poster).toHaveURL(/\/h5\/decide\/opinions\/[0-9a-f-]{36}$/);
  const opinionId = poster.url().split('/').pop()!;
  await expect(poster.getByRole('heading', { name: title, level: 2 })).toBeVisible();

  const neighbourCtx = await phone(browser);
  const neighbour = await neighbourCtx.newPage();
  await residentSignIn(neighbour, NEIGHBOUR_PHONE);
  await neighbour.goto('/h5/decide');
  const card = neighbour.locator('.gz-op-card').filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /我也遇到/ }).click();
  await expect(card.getByRole('button', { name: /已附议 · 1/ })).toBeVisible();

  // ——— 2. The residents' committee staff promotes it to deliberation. ———
  const committeeCtx = await desktop(browser);
  const committee = await committeeCtx.newPage();
  await staffSignIn(committee, COMMITTEE_STAFF);
  await committee.goto(`/opinions/${opinionId}`);
  await expect(committee.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  await committee.getByRole('button', { name: '转为议题' }).click();
  const promote = committee.getByRole('dialog');
  await promote.getByLabel('说明（可选）').fill('影响全小区出行，建议提交联席会议协商');
  await promote.getByRole('button', { name: '转为议题' }).click();
  await expect(committee.getByText('已转议题').first()).toBeVisible();

  // ——— 3. The community party secretary takes it up on the board and accepts it. ———
  const secretaryCtx = await desktop(browser);
  const secretary = await secretaryCtx.newPage();
  await staffSignIn(secretary, SECRETARY);
  await secretary.getByRole('navigation', { name: '主菜单' }).getByText('议题看板', { exact: true }).click();
  await expect(secretary.getByRole('heading', { name: '议题看板', level: 3 })).toBeVisible();
  const promoted = secretary.locator('.ant-list-item').filter({ has: secretary.getByRole('link', { name: title }) });
  await expect(promoted).toContainText('附议 1');
  await promoted.getByRole('button', { name: '立为议题' }).click();
  await secretary.getByRole('dialog').getByRole('button', { name: '立为议题' }).click();
  await expect(secretary.getByText(/已立为议题 YT-/)).toBeVisible();
  const itemCard = secretary.getByRole('link', { name: new RegExp(`^YT-\\S+ ${title}$`) });
  await expect(itemCard).toBeVisible();
  await secretary.screenshot({ path: shot('deliberation-board'), fullPage: true });
  await itemCard.click();
  await expect(secretary).toHaveURL(/\/deliberation\/items\/[0-9a-f-]{36}$/);
  const itemId = secretary.url().split('/').pop()!;
  const heading = secretary.getByRole('heading', { name: new RegExp(`^YT-\\S+ ${title}$`), level: 3 });
  await expect(heading).toBeVisible();
  const code = (await heading.textContent())!.split(' ')[0]!;
  await expect(secretary.getByText('2 户支持')).toBeVisible(); // the poster's household and the neighbour's
  await secretary.getByRole('button', { name: '同意立项' }).click();
  await secretary.getByRole('dialog').getByRole('button', { name: '同意立项' }).click();
  await expect(secretary.getByText('已立项')).toBeVisible();
  await expect(secretary.locator('.ant-tag').filter({ hasText: '会议协商' })).toBeVisible();

  // The poster sees on the opinion's page what became of it.
  await poster.reload();
  await expect(poster.getByRole('link', { name: `已转为议题 ${code} · 当前阶段：会议协商` })).toBeVisible();
  await noSidewaysScroll(poster);
  await poster.screenshot({ path: shot('deliberation-opinion-became-item'), fullPage: true });

  // ——— 4. A joint meeting at the compound, the item on its agenda: sign-in, positions, the decision, minutes, close. ———
  await secretary.getByRole('navigation', { name: '主菜单' }).getByText('联席会议', { exact: true }).click();
  await secretary.getByRole('button', { name: '召集会议' }).click();
  const convene = secretary.getByRole('dialog').filter({ hasText: '召集会议' });
  await convene.getByLabel('地点（社区或小区）').fill(COMPOUND);
  await secretary.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: COMPOUND }).first().click();
  const meetingTitle = `${COMPOUND}东门道闸联席会议 ${suffix}`;
  await convene.getByLabel('会议名称').fill(meetingTitle);
  await convene.getByLabel('会场').fill('阳光花园社区党群服务中心二楼会议室');
  // Invite every body the compound has (the preview lists who that is, each person once).
  const bodies = convene.locator('.ant-checkbox-wrapper');
  await expect(bodies.first()).toBeVisible();
  for (const box of await bodies.all()) await box.click();
  await expect(convene.locator('.ant-table-row').first()).toBeVisible();
  await convene.getByLabel('召集组织').click();
  await secretary.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
  await convene.getByLabel('议题', { exact: true }).click();
  await openOption(secretary, code).click();
  await secretary.keyboard.press('Escape');
  await convene.getByRole('button', { name: '召集并发送通知' }).click();
  await expect(secretary.getByRole('heading', { name: meetingTitle, level: 3 })).toBeVisible();
  const meetingId = secretary.url().split('/').pop()!;
  const agenda = secretary.locator('.ant-card').filter({ has: secretary.getByText('议程', { exact: true }) });
  const agendaRow = agenda.locator('.ant-list-item').filter({ hasText: code });
  await expect(agendaRow).toBeVisible();

  // One attendee signed in by hand (no phone with them).
  const signInButtons = secretary.getByRole('button', { name: /^代为签到 / });
  await expect(signInButtons.first()).toBeVisible();
  const attendees = await signInButtons.count();
  await signInButtons.first().click();
  await expect(signInButtons).toHaveCount(attendees - 1);
  await expect(secretary.getByText(/已签到 .* 工作人员代签/).first()).toBeVisible();
  await expect(secretary.locator('.ant-tag').filter({ hasText: '签到中' })).toBeVisible();

  // Each body's position on the item.
  await agendaRow.getByRole('button', { name: '各方意见' }).click();
  const positions = secretary.getByRole('dialog').filter({ hasText: '各方意见' });
  const stanceSelects = positions.locator('.ant-select');
  const bodyCount = await stanceSelects.count();
  expect(bodyCount).toBeGreaterThan(0);
  // The first few bodies speak (the rest leave theirs blank, as a body that sent nobody would).
  for (let i = 0; i < Math.min(bodyCount, 4); i++) {
    await stanceSelects.nth(i).click();
    await pick(secretary, i === 0 ? '有条件赞成' : '赞成');
  }
  await positions.getByRole('button', { name: '保存' }).click();
  await expect(positions).toBeHidden();
  await expect(agendaRow).toContainText('：赞成');

  // The outcome: decided, with what was decided.
  const decision = '由物业公司本月内更换东门道闸控制器并加装备用电源，费用从公共收益中列支。';
  await agendaRow.getByRole('button', { name: '记录结果' }).click();
  const outcome = secretary.getByRole('dialog').filter({ hasText: '记录结果' });
  await expect(outcome.getByRole('radio', { name: '协商议定' })).toBeChecked();
  await outcome.getByLabel('结果说明').fill(decision);
  await outcome.getByRole('button', { name: '保存' }).click();
  await expect(outcome).toBeHidden();
  await expect(agendaRow).toContainText('协商议定');
  await expect(agendaRow).toContainText(decision);

  // The minutes, then close.
  await secretary.getByLabel('会议纪要', { exact: true }).fill(`会议讨论了${code}东门道闸问题。各方一致同意更换控制器，物业公司负责实施，业委会监督。`);
  await secretary.locator('.ant-card').filter({ has: secretary.getByText('会议纪要', { exact: true }) }).getByRole('button', { name: '保存' }).click();
  await expect(secretary.getByText('已保存')).toBeVisible();
  await secretary.screenshot({ path: shot('deliberation-meeting'), fullPage: true });
  await secretary.getByRole('button', { name: '结束会议' }).click();
  const close = secretary.getByRole('dialog').filter({ hasText: '确认结束会议？' });
  await expect(close).toContainText('已形成结果 1 项');
  await expect(close).toContainText('纪要：已填写');
  await close.getByRole('button', { name: '结束会议' }).click();
  await expect(secretary.locator('.ant-tag').filter({ hasText: '已结束' })).toBeVisible();
  expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);

  // ——— 5. The item now executes: the secretary plans a task. ———
  await secretary.goto(`/deliberation/items/${itemId}`);
  await expect(secretary.locator('.ant-tag').filter({ hasText: '执行决策' })).toBeVisible();
  await expect(secretary.getByText(decision).first()).toBeVisible();
  await secretary.getByRole('button', { name: '新增任务' }).click();
  const plan = secretary.getByRole('dialog').filter({ hasText: '新增任务' });
  await plan.getByLabel('任务').fill('更换东门道闸控制器并加装备用电源');
  await plan.getByLabel('责任单位').fill('阳光花园物业服务中心');
  await plan.getByLabel('责任人').fill('王经理');
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await plan.getByLabel('截止日期').fill(deadline);
  await plan.getByLabel('预算（元）').fill('3800.50');
  await plan.getByRole('button', { name: '保存' }).click();
  await expect(secretary.getByText('任务已添加')).toBeVisible();
  const taskRow = secretary.locator('tr.ant-table-row').filter({ hasText: '更换东门道闸控制器' });
  await expect(taskRow).toContainText('3,800.50');
  await expect(taskRow).toContainText(deadline);
  await expect(taskRow).toContainText('进行中');

  // The property company reports it done, with a photo.
  const companyCtx = await desktop(browser);
  const company = await companyCtx.newPage();
  await staffSignIn(company, PROPERTY_MANAGER);
  await company.getByRole('navigation', { name: '主菜单' }).getByText('议题任务', { exact: true }).click();
  await company.getByRole('link', { name: `${code} ${title}` }).click();
  await expect(company.getByRole('heading', { name: `${code} ${title}`, level: 3 })).toBeVisible();
  const companyTask = company.locator('tr.ant-table-row').filter({ hasText: '更换东门道闸控制器' });
  await companyTask.getByRole('button', { name: '报告进度' }).click();
  const report = company.getByRole('dialog').filter({ hasText: '报告进度' });
  await report.getByLabel('完成进度（%）').fill('100');
  await report.getByLabel('说明').fill('新控制器已安装调试，备用电源已接入，道闸运行正常。');
  await report.locator('input[type=file]').setInputFiles({ name: '道闸完工.png', mimeType: 'image/png', buffer: gradientPng(400, 300) });
  await expect(report.getByText('道闸完工.png')).toBeVisible();
  await report.getByRole('button', { name: '保存' }).click();
  await expect(company.getByText('进度已报告')).toBeVisible();
  await expect(company.locator('.ant-tag').filter({ hasText: '居民评价' })).toBeVisible();
  await expect(companyTask).toContainText('已完成');
  await companyTask.locator('.ant-table-row-expand-icon').click();
  await expect(company.getByRole('img', { name: '现场照片' }).first()).toBeVisible();
  await expect(company.getByText(/第 1 轮评价进行中/)).toBeVisible();
  await expect(company.getByText('评价进行中，还没有住户评价')).toBeVisible();
  await expect(company.locator('.ant-timeline').getByText(/任务完成 · /)).toBeVisible();
  await company.screenshot({ path: shot('deliberation-item-executed'), fullPage: true });

  // ——— 6. The compound's public tracking page, for anyone with the QR code (no session). ———
  const staffApi = await apiAs(baseURL!, SECRETARY, DEMO_PASSWORD);
  const item = (await (await staffApi.get(`/api/deliberation/items/${itemId}`)).json()) as { placeId: string; placeKind: string; stage: string };
  expect(item.stage).toBe('evaluating');
  expect(item.placeKind).toBe('compound');
  await staffApi.dispose();
  const publicCtx = await phone(browser);
  const visitor = await publicCtx.newPage();
  await visitor.goto(`/h5/p/deliberation.tracking/${item.placeId}`);
  await expect(visitor.getByText(`${COMPOUND} 议事协商进度公示`).first()).toBeVisible();
  const publicRow = visitor.getByText(`${code} ${title}`).first();
  await expect(publicRow).toBeVisible();
  await expect(visitor.getByText('进度 100%').first()).toBeVisible();
  await expect(visitor.getByText('张明远')).toHaveCount(0);
  await expect(visitor.getByText('王经理')).toHaveCount(0);
  await noSidewaysScroll(visitor);
  await visitor.screenshot({ path: shot('deliberation-public-tracking'), fullPage: true });

  // ——— 7. Residents rate the outcome on their phones, one rating per household. ———
  // The neighbour rents 3栋1单元502, which 张明远 owns: the neighbour speaks for that room first.
  await neighbour.goto(`/h5/deliberation/items/${itemId}`);
  await expect(neighbour.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(neighbour.getByText('新控制器已安装调试')).toBeVisible();
  await neighbour.getByRole('radiogroup', { name: '评分' }).getByRole('radio', { name: '4' }).click();
  await neighbour.getByPlaceholder('意见（选填）').fill('修好了，希望以后定期检修');
  await neighbour.getByRole('button', { name: '提交评价' }).click();
  await expect(neighbour.getByText('您家已评价：4 星')).toBeVisible();
  await noSidewaysScroll(neighbour);
  await neighbour.screenshot({ path: shot('deliberation-h5-rated'), fullPage: true });

  // 张明远 still has a household here that has not rated (1栋1单元1201): he rates for it.
  await poster.goto(`/h5/deliberation/items/${itemId}`);
  await expect(poster.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await expect(poster.getByText('居民评价').first()).toBeVisible();
  await expect(poster.getByRole('img', { name: '现场照片' }).first()).toBeVisible();
  await expect(poster.getByText('您名下的一户已评价（4 星）；您还有一户可以评价')).toBeVisible();
  // The item's course in plain words, the execution's steps among them.
  const course = poster.getByRole('region', { name: '办理过程' });
  await expect(course).toContainText('新增任务');
  await expect(course).toContainText('任务完成');
  await expect(course).toContainText('开始居民评价');
  await poster.screenshot({ path: shot('deliberation-h5-rate'), fullPage: true });
  await poster.getByRole('radiogroup', { name: '评分' }).getByRole('radio', { name: '5' }).click();
  await poster.getByPlaceholder('意见（选填）').fill('处理及时，出行方便多了');
  await poster.getByRole('button', { name: '提交评价' }).click();
  await expect(poster.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await expect(poster.getByText(/您家已评价：\d 星/)).toBeVisible();

  // Every household of his has rated now: another rating is refused.
  const csrf = ((await (await poster.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const again = await poster.request.post(`/api/me/deliberation/items/${itemId}/rating`, { data: { score: 1, comment: '' }, headers: { 'x-csrf-token': csrf } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe('ALREADY_RATED');

  // The rating page in elderly mode (large type) — the neighbour's account, put back afterwards.
  await neighbour.goto('/h5/me');
  await neighbour.getByLabel('长辈模式（大字）').click();
  await expect(neighbour.locator('html')).toHaveClass(/gz-elderly/);
  try {
    await neighbour.goto(`/h5/deliberation/items/${itemId}`);
    await expect(neighbour.getByText('您家已评价：4 星')).toBeVisible();
    await noSidewaysScroll(neighbour);
    await neighbour.screenshot({ path: shot('deliberation-h5-elderly'), fullPage: true });
  } finally {
    const token = ((await (await neighbour.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    await neighbour.request.patch('/api/auth/me', { data: { elderly: false }, headers: { 'x-csrf-token': token } });
  }

  for (const c of [posterCtx, neighbourCtx, committeeCtx, secretaryCtx, companyCtx, publicCtx]) await c.close();
});
