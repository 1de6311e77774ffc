import { RESIDENT_PHONE, shot } from './demo.ts';
import { type Browser, expect, type Page, test } from './fixtures.ts';
import { desktop, noSidewaysScroll, phone, pickOption, residentSignIn, staffSignIn } from './journey-helpers.ts';

/**
 * 双报到 end to end (issue 22): the tax office's party branch (its liaison `danwei`) reports to 安和社区 and its member
 * 张明远 (13800000001, 在职党员, living in 阳光花园) reports there on his phone; the community secretary `shuji` confirms
 * both; 张明远 claims a post of one of the community's service projects, signs in at a 主题党日 with the time-limited
 * code the secretary opens; the secretary writes this year's letter to the tax office's branch and downloads it as
 * PDF and as a spreadsheet.
 */
const ORG = '和平区税务局第一税务所党支部';
const COMMUNITY = '安和社区';
const MEMBER = '张明远';

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await desktop(browser)).newPage();
  await staffSignIn(page, login, 30_000);
  return page;
}
async function memberPage(browser: Browser): Promise<Page> {
  const page = await (await phone(browser)).newPage();
  await residentSignIn(page, RESIDENT_PHONE, 30_000);
  return page;
}
/** Picks `text` in the antd Select labelled `label` in the open dialog, and checks it was taken. */
async function pick(page: Page, label: string, text: string) {
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog.getByRole('combobox', { name: label }), text);
  await expect(dialog.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: label }) })).toContainText(text);
}

test('a workplace branch and its member report to a community → the community confirms → the member claims a post and signs in at an activity → the letter downloads', async ({ browser }) => {
  test.setTimeout(5 * 60_000);

  // The liaison reports the branch to 安和社区.
  const liaison = await staffPage(browser, 'danwei');
  await liaison.goto('/party/reporting');
  await liaison.getByRole('button', { name: '向社区报到' }).click();
  const form = liaison.getByRole('dialog');
  await pick(liaison, '报到社区', COMMUNITY);
  await form.getByLabel('联系人').fill('李晓峰');
  await form.getByLabel('联系电话').fill('13911112222');
  await form.getByRole('button', { name: '提交报到' }).click();
  await expect(liaison.locator('.ant-table-row').filter({ hasText: COMMUNITY }).filter({ hasText: '待确认' })).toBeVisible();
  await liaison.screenshot({ path: shot('party-liaison-reported'), fullPage: true });
  await liaison.context().close();

  // The member sees his membership and reports to the community he lives in.
  const member = await memberPage(browser);
  await member.goto('/h5/party/me');
  await expect(member.getByText(ORG).first()).toBeVisible();
  await expect(member.getByText('亮明党员身份')).toBeVisible();
  await member.goto('/h5/party/reporting');
  await member.getByRole('button', { name: '向居住地社区报到' }).click();
  await member.getByLabel('特长').fill('财税政策咨询，周末可参加楼道服务');
  await member.getByRole('button', { name: '提交报到' }).click();
  await expect(member.getByText('待社区确认').first()).toBeVisible();
  await noSidewaysScroll(member);
  await member.screenshot({ path: shot('party-member-reported'), fullPage: true });

  // The community secretary confirms both reports.
  const secretary = await staffPage(browser, 'shuji');
  await secretary.goto('/party/reporting');
  await secretary.getByRole('tab', { name: '报到审核' }).click();
  for (const who of [ORG, MEMBER]) {
    const row = secretary.locator('.ant-table-row').filter({ hasText: who }).filter({ hasText: '待确认' });
    await row.getByRole('button', { name: '确认' }).click();
    await secretary.getByRole('button', { name: '确认报到' }).click();
    await expect(secretary.locator('.ant-table-row').filter({ hasText: who }).filter({ hasText: '待确认' })).toHaveCount(0);
  }
  await secretary.screenshot({ path: shot('party-reports-confirmed'), fullPage: true });

  // The member, now confirmed, claims a post.
  await member.goto('/h5/party/reporting');
  await expect(member.getByText('已确认').first()).toBeVisible();
  await member.goto('/h5/party/projects');
  await member.getByRole('button', { name: '认领岗位' }).first().click();
  await member.getByRole('button', { name: '确认认领' }).click();
  await expect(member.getByText('已认领').first()).toBeVisible();
  await member.screenshot({ path: shot('party-member-claimed'), fullPage: true });

  // A 主题党日: the secretary schedules it and opens sign-in; the member signs in with the code.
  await secretary.goto('/party/activities');
  await secretary.getByRole('button', { name: '新建活动' }).click();
  const activity = secretary.getByRole('dialog');
  await activity.getByLabel('活动名称').fill('十二月主题党日：学习物业管理条例');
  await activity.getByLabel('地点').fill('安和社区党群服务中心三楼会议室');
  await activity.getByRole('button', { name: '保存' }).click();
  await expect(secretary).toHaveURL(/\/party\/activities\/[0-9a-f-]{36}$/);
  await secretary.getByRole('button', { name: '开启签到' }).click();
  await secretary.getByRole('button', { name: '开启', exact: true }).click();
  const code = (await secretary.getByTestId('sign-in-code').textContent({ timeout: 10_000 }))!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await secretary.screenshot({ path: shot('party-activity-sign-in-open'), fullPage: true });

  await member.goto('/h5/party/activities/sign-in');
  await member.getByPlaceholder('请输入6位签到码').fill(code);
  await member.getByRole('button', { name: '签到' }).click();
  await expect(member.getByText('签到成功')).toBeVisible();
  await member.context().close();

  // This year's letter to the tax office's branch, sent and downloaded.
  await secretary.goto('/party/letters');
  await secretary.getByRole('button', { name: '生成年度函' }).click();
  await pick(secretary, '报到单位', ORG);
  await pick(secretary, '年度', String(new Date().getFullYear()));
  await secretary.getByRole('button', { name: '生成', exact: true }).click();
  await expect(secretary).toHaveURL(/\/party\/letters\/[0-9a-f-]{36}$/);
  await expect(secretary.getByText(MEMBER).first()).toBeVisible();
  await secretary.getByRole('button', { name: /(^|\s)发送$/ }).click();
  await secretary.getByRole('button', { name: '确认发送' }).click();
  for (const [button, ext] of [['下载 PDF', '.pdf'], ['下载 Excel', '.xlsx']] as const) {
    const [file] = await Promise.all([secretary.waitForEvent('download'), secretary.getByRole('button', { name: button }).click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\${ext}$`));
    const bytes = await file.createReadStream().then(async (s) => {
      let n = 0;
      for await (const chunk of s) n += (chunk as Buffer).length;
      return n;
    });
    expect(bytes, `${ext} has content`).toBeGreaterThan(1000);
  }
  await secretary.screenshot({ path: shot('party-letter-sent'), fullPage: true });
  await secretary.context().close();
});
