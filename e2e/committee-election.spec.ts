import type { Locator } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { apiAs, expect as baseExpect, type Page, test, staffPage } from './fixtures.ts';
import { DEMO_PASSWORD, RESIDENT_PHONE, STREET_OFFICIAL, shot } from './demo.ts';

/** The demo's owners' committee member at 阳光花园 (organises). */
const ORGANISER = 'yeweihui';
/**
 * The demo street's six vetting departments (server/modules/decisions/decisions.elections.seed.ts) and who reviews
 * for them: 王嘉伟 (bumen) for the housing office — department A here — the police and the court; the street official
 * for the party working committee — department B — and market regulation; the residents' committee (juweihui) for itself.
 */
const DEPT_A = { name: '房管所', reviewer: 'bumen' };
const DEPT_B = { name: '街道党工委', reviewer: STREET_OFFICIAL };
const OTHERS = [
  { name: '派出所', reviewer: 'bumen' },
  { name: '法院/信用', reviewer: 'bumen' },
  { name: '市场监管所', reviewer: STREET_OFFICIAL },
  { name: '社区居委会', reviewer: 'juweihui' },
];
const COMPOUND = '阳光花园';

// Five people on two shells through a whole election: far longer than one page's journey, on two shared cores.
test.setTimeout(600_000);
const expect = baseExpect.configure({ timeout: 30_000 });
test.use({ actionTimeout: 30_000 });

/**
 * Picks an option of an antd drop-down: opens it, clicks the option in the drop-down that is open (closed ones stay
 * in the page, hidden), and tries again if the click landed while the drop-down was still opening.
 */
async function pick(page: Page, scope: Locator, label: string, text: string) {
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())) await scope.getByLabel(label).click({ timeout: 2_000 });
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 2_000 });
    await expect(scope.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: text }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

async function phoneSignIn(page: Page, phone: string) {
  await page.goto('/h5/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的家', level: 1 })).toBeVisible();
}

const card = (page: Page, title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });

interface ElectionView {
  status: string;
  seats: number;
  departments: { id: string; name: string }[];
  candidates: { id: string; no: number; name: string; status: string; consentAt: string | null; onBallot: boolean }[];
}

test('the street’s vetting departments; an organiser creates an election, an owner stands on the H5, the departments vet, one returns and the owner corrects, the approved go on the ballot', async ({ browser, baseURL }) => {
  const suffix = Date.now().toString(36).slice(-4);

  // ——— The street official's departments, each with its reviewers. ———
  const street = await staffPage(browser, STREET_OFFICIAL);
  await street.getByRole('navigation', { name: '主菜单' }).getByText('联审部门', { exact: true }).click();
  await expect(street.getByRole('heading', { name: '联审部门', level: 3 })).toBeVisible();
  for (const d of [DEPT_A, DEPT_B, ...OTHERS]) await expect(street.locator('.ant-table-row').filter({ hasText: d.name }).first()).toContainText('启用');
  await street.screenshot({ path: shot('election-departments'), fullPage: true });
  const streetApi = await apiAs(baseURL!, STREET_OFFICIAL, DEMO_PASSWORD);
  const me = (await (await streetApi.get('/api/auth/me')).json()) as { grants: { role: string; placeId: string }[] };
  const streetId = me.grants.find((g) => g.role === 'street_official')!.placeId;
  const departments = ((await (await streetApi.get('/api/decisions/vetting/departments', { params: { streetId } })).json()) as { items: { id: string; name: string; active: boolean }[] }).items;
  const deptId = (name: string) => departments.find((d) => d.name === name && d.active)!.id;

  // ——— The organiser creates the election at 阳光花园 and publishes its roll. ———
  const organiser = await staffPage(browser, ORGANISER);
  await organiser.getByRole('navigation', { name: '主菜单' }).getByText('业主表决', { exact: true }).click();
  await organiser.getByRole('button', { name: '发起业委会选举' }).click();
  const create = organiser.getByRole('dialog').filter({ hasText: '选举名称' });
  await create.getByLabel('小区').fill(COMPOUND);
  await organiser.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: COMPOUND }).first().click();
  const title = `第二届业主委员会选举（${suffix}）`;
  await create.getByLabel('选举名称').fill(title);
  await create.getByLabel('组织依据').fill('街道办事处指导成立选举工作小组');
  await create.getByRole('button', { name: '创建选举' }).click();
  await expect(organiser.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  const electionId = /\/decisions\/([0-9a-f-]{36})/.exec(organiser.url())![1]!;
  await expect(card(organiser, '业委会选举')).toContainText('换届选举');
  await organiser.getByRole('button', { name: '发布名册' }).click();
  await organiser.getByRole('dialog').filter({ hasText: '发布表决名册？' }).getByRole('button', { name: '发布名册' }).click();
  await expect(organiser.getByText('名册已发布')).toBeVisible();

  // ——— The owner (张明远) stands for election on the H5, consenting to be vetted. ———
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  await phoneSignIn(phone, RESIDENT_PHONE);
  await phone.goto(`/h5/decisions/${electionId}`);
  const section = phone.getByRole('region', { name: '业委会选举' });
  await section.getByRole('button', { name: '我要参选' }).click();
  const stand = phone.getByRole('region', { name: '报名参选业委会委员' });
  await stand.getByLabel('个人简介').fill('退休教师，在小区居住十年，愿意为大家管好维修资金。');
  await expect(stand.getByRole('button', { name: '提交报名' })).toBeDisabled();
  await stand.getByText('本人书面同意接受资格审查').click();
  await phone.screenshot({ path: shot('election-h5-stand'), fullPage: true });
  await stand.getByRole('button', { name: '提交报名' }).click();
  await expect(section.getByText('审查中')).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // ——— The organiser nominates two more and records their written consent. ———
  await organiser.reload();
  const candidates = card(organiser, '候选人');
  for (const [name, room, party] of [
    ['李建国', '1栋1单元1202', true],
    ['王秀英', '2栋1单元301', false],
  ] as const) {
    await candidates.getByRole('button', { name: '提名候选人' }).click();
    const nominate = organiser.getByRole('dialog').filter({ hasText: '提名候选人' });
    await nominate.getByLabel('姓名').fill(name);
    await nominate.getByLabel('房号').fill(room);
    if (party) await nominate.getByRole('switch', { name: '党员' }).click();
    await nominate.getByText('居委会推荐').click();
    await nominate.getByRole('button', { name: '提名' }).click();
    await expect(nominate).toBeHidden();
    const row = candidates.locator('.ant-table-row').filter({ hasText: name });
    await row.getByRole('button', { name: '记录同意审查' }).click();
    const consent = organiser.getByRole('dialog').filter({ hasText: `记录 ${name} 同意接受资格审查？` });
    await expect(consent).toContainText('候选人已书面同意接受资格审查');
    await consent.getByRole('button', { name: '记录同意审查' }).click();
    await expect(row.getByText('审查中')).toBeVisible();
  }
  await organiser.screenshot({ path: shot('election-candidates'), fullPage: true });

  // ——— Department A approves everyone from its queue. ———
  const reviewerA = await staffPage(browser, DEPT_A.reviewer);
  await reviewerA.getByRole('navigation', { name: '主菜单' }).getByText('候选人联审', { exact: true }).click();
  await expect(reviewerA.getByRole('heading', { name: '候选人联审', level: 3 })).toBeVisible();
  await reviewerA.getByRole('searchbox', { name: '姓名、房号或小区' }).fill(suffix);
  await reviewerA.getByRole('searchbox', { name: '姓名、房号或小区' }).press('Enter');
  for (const name of ['张明远', '李建国', '王秀英']) {
    const row = reviewerA.locator('.ant-table-row').filter({ hasText: title }).filter({ hasText: name }).filter({ hasText: DEPT_A.name });
    await row.getByRole('button', { name: `审查 ${name}（${DEPT_A.name}）` }).click();
    const dialog = reviewerA.getByRole('dialog').filter({ hasText: `审查 ${name}` });
    await expect(dialog.getByRole('radio', { name: '通过', exact: true })).toBeChecked();
    await dialog.getByRole('button', { name: '审查', exact: true }).click();
    await reviewerA.getByRole('dialog').filter({ hasText: '确认提交' }).getByRole('button', { name: '确认提交' }).click();
    await expect(row).toBeHidden();
  }

  // ——— The other four departments approve all three (through the API: the same form, four more times). ———
  const organiserApi = await apiAs(baseURL!, ORGANISER, DEMO_PASSWORD);
  const view = (await (await organiserApi.get(`/api/decisions/${electionId}/election`)).json()) as ElectionView;
  expect(view.candidates.map((c) => c.name).sort()).toEqual(['张明远', '李建国', '王秀英'].sort());
  for (const d of OTHERS) {
    const reviewer = await apiAs(baseURL!, d.reviewer, DEMO_PASSWORD);
    for (const c of view.candidates) {
      const res = await reviewer.post(`/api/decisions/${electionId}/candidates/${c.id}/verdicts`, { data: { departmentId: deptId(d.name), verdict: 'approve', reasonCode: 'ok' } });
      expect(res.ok(), `${d.name} approves ${c.name}: ${res.status()} ${await res.text()}`).toBe(true);
    }
    await reviewer.dispose();
  }

  // ——— Department B approves two and returns 张明远's application: the materials are missing. ———
  const reviewerB = await staffPage(browser, DEPT_B.reviewer);
  await reviewerB.goto('/decisions/vetting/queue');
  await reviewerB.getByRole('searchbox', { name: '姓名、房号或小区' }).fill(suffix);
  await reviewerB.getByRole('searchbox', { name: '姓名、房号或小区' }).press('Enter');
  for (const name of ['李建国', '王秀英']) {
    const row = reviewerB.locator('.ant-table-row').filter({ hasText: title }).filter({ hasText: name }).filter({ hasText: DEPT_B.name });
    await row.getByRole('button', { name: `审查 ${name}（${DEPT_B.name}）` }).click();
    await reviewerB.getByRole('dialog').filter({ hasText: `审查 ${name}` }).getByRole('button', { name: '审查', exact: true }).click();
    await reviewerB.getByRole('dialog').filter({ hasText: '确认提交' }).getByRole('button', { name: '确认提交' }).click();
    await expect(row).toBeHidden();
  }
  const own = reviewerB.locator('.ant-table-row').filter({ hasText: title }).filter({ hasText: '张明远' }).filter({ hasText: DEPT_B.name });
  await own.getByRole('button', { name: `审查 张明远（${DEPT_B.name}）` }).click();
  const ret = reviewerB.getByRole('dialog').filter({ hasText: '审查 张明远' });
  await ret.getByText('退回', { exact: true }).click();
  await pick(reviewerB, ret, '原因', '材料不全');
  await ret.getByLabel('说明').fill('请补充近期的业主身份证明');
  await expect(ret).toContainText('候选人补正材料后，本部门须重新审查');
  await reviewerB.screenshot({ path: shot('election-verdict-return') });
  await ret.getByRole('button', { name: '审查', exact: true }).click();
  await reviewerB.getByRole('dialog').filter({ hasText: '确认提交' }).getByRole('button', { name: '确认提交' }).click();
  await expect(own).toBeHidden();

  // ——— The owner reads why on 我的参选 and corrects. ———
  await phone.goto('/h5/me/candidacies');
  const mine = phone.getByRole('region', { name: title });
  await expect(mine.getByText('退回补正')).toBeVisible();
  await expect(mine.getByText('材料不全：请补充近期的业主身份证明')).toBeVisible();
  await mine.getByLabel('补正说明').fill('已补充房产证复印件');
  await phone.screenshot({ path: shot('election-h5-returned'), fullPage: true });
  await mine.getByRole('button', { name: '提交补正' }).click();
  await expect(mine.getByText('审查中')).toBeVisible();

  // ——— Department B looks again and approves. ———
  await reviewerB.reload();
  await reviewerB.getByRole('searchbox', { name: '姓名、房号或小区' }).fill(suffix);
  await reviewerB.getByRole('searchbox', { name: '姓名、房号或小区' }).press('Enter');
  await own.getByRole('button', { name: `审查 张明远（${DEPT_B.name}）` }).click();
  await expect(reviewerB.getByRole('dialog').filter({ hasText: '审查 张明远' })).toContainText('第 2 轮');
  await reviewerB.getByRole('dialog').filter({ hasText: '审查 张明远' }).getByRole('button', { name: '审查', exact: true }).click();
  await reviewerB.getByRole('dialog').filter({ hasText: '确认提交' }).getByRole('button', { name: '确认提交' }).click();
  await expect(own).toBeHidden();

  // ——— The organiser: the matrix is all 通过; the three go on the ballot. ———
  await organiser.reload();
  const matrix = card(organiser, '联审情况');
  for (const name of ['张明远', '李建国', '王秀英']) await expect(matrix.locator('.ant-table-row').filter({ hasText: name })).toContainText('审查通过');
  await organiser.getByRole('button', { name: '上选票' }).click();
  const place = organiser.getByRole('dialog').filter({ hasText: '名审查通过的候选人列入选票？' });
  await expect(place).toContainText('张明远');
  await place.getByRole('button', { name: '上选票' }).click();
  await expect(card(organiser, '候选人').getByText('选票第 1 位')).toBeVisible();
  await expect(card(organiser, '表决事项').locator('.ant-table-row')).toHaveCount(3);
  await organiser.screenshot({ path: shot('election-on-ballot'), fullPage: true });

  const placed = (await (await organiserApi.get(`/api/decisions/${electionId}/election`)).json()) as ElectionView;
  expect(placed.candidates.filter((c) => c.onBallot)).toHaveLength(3);
  await organiserApi.dispose();
  await streetApi.dispose();
  await phone.close();
  await reviewerB.context().close();
  await reviewerA.context().close();
  await organiser.context().close();
  await street.context().close();
});

/** 阳光花园's second committee election, voting now (decisions.elections.seed.ts): three candidates for five seats; every owner has voted but 张明远 and the last on the roll. */
const BY_ELECTION = '阳光花园第二届业主委员会选举';
/** The smallest PNG there is (1×1): a scan of a sheet, a page of minutes — the server checks them by their bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test('the election runs: 张明远 votes on the phone within the seats, the last sheet is entered and checked, the count is published with the elected, filed and acknowledged by the street', async ({ browser, baseURL }, testInfo) => {
  const owner = await apiAs(baseURL!, RESIDENT_PHONE, DEMO_PASSWORD);
  const mine = (await (await owner.get('/api/me/decisions')).json()) as { items: { id: string; title: string; ballotWaiting: boolean }[] };
  const vote = mine.items.find((d) => d.title === BY_ELECTION)!;
  expect(vote, `the demo's by-election ${BY_ELECTION}`).toBeTruthy();
  expect(vote.ballotWaiting).toBe(true);
  const before = (await (await owner.get(`/api/me/decisions/${vote.id}`)).json()) as { election: { seats: number }; items: { no: number }[]; entries: { no: number }[] };
  await owner.dispose();
  expect(before.election.seats).toBe(5);
  expect(before.items).toHaveLength(3);

  // ——— 张明远 on the phone: the counter keeps his 同意 within the seats (the cap's refusal is server-tested); two 同意, one 反对. ———
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  await phoneSignIn(phone, RESIDENT_PHONE);
  await phone.goto(`/h5/decisions/${vote.id}`);
  const ballot = phone.getByRole('region', { name: '我的选票' });
  await expect(ballot.getByRole('group')).toHaveCount(3);
  const groups = await ballot.getByRole('group').all();
  for (const g of groups) await g.getByRole('button', { name: '同意', exact: true }).click();
  await expect(ballot.getByText('已选同意 3 / 5 人')).toBeVisible();
  await groups[2]!.getByRole('button', { name: '反对', exact: true }).click();
  await expect(ballot.getByText('已选同意 2 / 5 人')).toBeVisible();
  await ballot.getByRole('button', { name: '获取验证码' }).click();
  await expect(ballot.getByText(/秒后可重新获取/)).toBeVisible();
  const admin = await apiAs(baseURL!, 'admin', DEMO_PASSWORD);
  const inbox = (await (await admin.get(`/api/sms/sandbox?phone=${RESIDENT_PHONE}`)).json()) as { items: { text: string }[] };
  await admin.dispose();
  const code = inbox.items.map((m) => /投票确认验证码为 (\d{6})/.exec(m.text)?.[1]).find(Boolean);
  expect(code, 'the ballot code in the SMS sandbox').toMatch(/^\d{6}$/);
  await ballot.getByLabel('短信验证码').fill(code!);
  await phone.screenshot({ path: shot('election-h5-ballot'), fullPage: true });
  await ballot.getByRole('button', { name: '下一步：核对选票' }).click();
  await phone.getByRole('region', { name: '请核对您的选择' }).getByRole('button', { name: '确认投票' }).click();
  await expect(phone.getByRole('region', { name: '我的投票记录' }).getByText('已计入')).toBeVisible();

  // ——— The last head's paper sheet: entered by one official with its scan, checked by another. ———
  const enterer = await staffPage(browser, 'juweihui');
  const sheets = (await (await enterer.request.get(`/api/decisions/${vote.id}/sheets`, { params: { pageSize: 1, status: 'issued', sort: 'entryNo', order: 'desc' } })).json()) as { items: { code: string; entryNo: number }[] };
  const sheet = sheets.items[0]!;
  expect(before.entries.map((e) => e.no)).not.toContain(sheet.entryNo);
  await enterer.goto(`/decisions/${vote.id}/paper`);
  const scan = enterer.getByLabel('表决票二维码或票号');
  await expect(scan).toBeFocused();
  await enterer.keyboard.type(sheet.code);
  await enterer.keyboard.press('Enter');
  const sheetCard = enterer.locator('.ant-card').filter({ has: enterer.getByText('表决票', { exact: true }) });
  await expect(sheetCard.getByText(sheet.code)).toBeVisible();
  for (const [i, choice] of (['同意', '反对', '同意'] as const).entries()) await sheetCard.getByRole('radiogroup').nth(i).getByText(choice, { exact: true }).click();
  const file = testInfo.outputPath('scan.png');
  await writeFile(file, PNG);
  await sheetCard.locator('input[type=file]').setInputFiles(file);
  await sheetCard.getByRole('button', { name: '提交录入' }).click();
  await expect(enterer.getByRole('alert').filter({ hasText: `已录入表决票 ${sheet.code}` })).toBeVisible();
  await enterer.context().close();
  const checker = await staffPage(browser, ORGANISER);
  await checker.goto(`/decisions/${vote.id}`);
  const paper = checker.locator('.ant-card').filter({ has: checker.getByText('纸质表决票', { exact: true }) });
  const row = paper.locator('.ant-table-row').filter({ hasText: sheet.code });
  await row.getByRole('button', { name: '核对' }).click();
  await checker.getByRole('dialog').filter({ hasText: `核对纸质票（${sheet.code}）` }).getByRole('button', { name: '提交核对' }).click();
  await expect(row).toContainText('已计入');

  // ——— Everyone has voted: the organiser closes with a second approver, and publishes the elected. ———
  const organiser = checker;
  await organiser.getByRole('button', { name: '申请截止计票' }).click();
  await organiser.getByRole('dialog').filter({ hasText: '申请截止计票？' }).getByRole('button', { name: '申请截止计票' }).click();
  await organiser.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  const approver = await staffPage(browser, 'juweihui');
  await approver.goto('/approvals');
  await approver.locator('.ant-table-row').filter({ hasText: `截止表决并计票：${BY_ELECTION}` }).getByRole('button', { name: '批准' }).click();
  await approver.getByRole('dialog').filter({ hasText: '确认批准' }).getByRole('button', { name: '批准' }).click();
  await expect(approver.getByText('已批准').first()).toBeVisible();
  await approver.context().close();
  await organiser.reload();
  await expect(organiser.getByText('法定结果（民法典第二百七十八条')).toBeVisible({ timeout: 30_000 });
  await organiser.getByRole('button', { name: '发布结果公示' }).click();
  await organiser.getByRole('dialog').filter({ hasText: '发布结果公示？' }).getByRole('button', { name: '发布结果公示' }).click();
  await expect(organiser.getByRole('link', { name: '公示 PDF' })).toBeVisible();
  const result = (await (await organiser.request.get(`/api/decisions/${vote.id}/election`)).json()) as { result: { elected: { name: string }[] } };
  expect(result.result.elected.length).toBeGreaterThan(0);
  await expect(card(organiser, '选举结果').getByText(result.result.elected[0]!.name).first()).toBeVisible();
  await organiser.screenshot({ path: shot('election-published'), fullPage: true });

  // ——— Filing: the committee submits the package with the minutes to the street office. ———
  const filing = card(organiser, '备案');
  await filing.locator('.ant-card').filter({ hasText: '街道办事处' }).getByRole('button', { name: '提交备案' }).click();
  const submit = organiser.getByRole('dialog').filter({ hasText: '提交备案材料：街道办事处' });
  const minutes = testInfo.outputPath('会议记录.png');
  await writeFile(minutes, PNG);
  await submit.locator('input[type=file]').setInputFiles(minutes);
  await submit.getByRole('button', { name: '提交', exact: true }).click();
  await organiser.getByRole('dialog').filter({ hasText: '确认提交备案材料？' }).getByRole('button', { name: '提交', exact: true }).click();
  await expect(organiser.getByText(/已提交，第 1 版/)).toBeVisible();
  await organiser.context().close();

  // ——— The street official acknowledges it. ———
  const street = await staffPage(browser, STREET_OFFICIAL);
  await street.goto('/filings?office=street_office&status=submitted');
  await street.getByRole('link', { name: BY_ELECTION }).click();
  const drawer = street.getByRole('dialog', { name: '备案详情' });
  await expect(drawer.getByText('当选成员及联审记录')).toBeVisible();
  await drawer.getByRole('button', { name: '确认备案' }).click();
  await street.getByRole('dialog', { name: '确认备案？' }).getByRole('button', { name: '确认备案' }).click();
  await expect(street.getByText('已确认备案')).toBeVisible();
  await street.screenshot({ path: shot('election-filed'), fullPage: true });
  await street.context().close();
  await phone.close();
});
