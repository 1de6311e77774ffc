import { expect as baseExpect, type Page, test, staffPage } from './fixtures.ts';
import { STREET_OFFICIAL, shot } from './demo.ts';

/** The demo's owners' committee member (organiser, sees choices) and the residents' committee staff (second approver). */
const ORGANISER = 'yeweihui';
const APPROVER = 'juweihui';
/** The demo seed's decisions at 阳光花园 (server/modules/decisions/decisions.seed.ts). */
const DRAFT = '修改管理规约（养犬与电动自行车停放）';
const READY = '利用小区共有部分设置智能快递柜并收取场地费';
const PUBLISHED = '2026年续聘物业服务企业及使用维修资金更换3栋电梯';


// Four officials through three decisions: longer than one page's journey, on two shared cores — where the election
// journeys running beside it can hold a page past the default 10 s.
test.setTimeout(300_000);
const expect = baseExpect.configure({ timeout: 30_000 });

/** From the 业主表决 list to one decision, by its title. */
async function openDecision(page: Page, title: string) {
  await page.getByRole('navigation', { name: '主菜单' }).getByText('业主表决', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '业主表决', level: 3 })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
}

test('an organiser publishes a roll and asks to open a vote; the second approver approves; the street downloads the result', async ({ browser }) => {
  const organiser = await staffPage(browser, ORGANISER);

  // The list as xlsx, in the list's filter and order.
  await organiser.getByRole('navigation', { name: '主菜单' }).getByText('业主表决', { exact: true }).click();
  const [listFile] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('button', { name: '导出 xlsx' }).click()]);
  expect(listFile.suggestedFilename()).toMatch(/^业主表决列表_\d{4}-\d{2}-\d{2}\.xlsx$/);

  // The draft's roll: frozen from the registry, its totals up front.
  await openDecision(organiser, DRAFT);
  await expect(organiser.getByText('名册尚未发布')).toBeVisible();
  await organiser.getByRole('button', { name: '发布名册' }).click();
  const publish = organiser.getByRole('dialog').filter({ hasText: '发布表决名册？' });
  await expect(publish).toContainText('建设单位未售及未交付的部分合计为一人');
  await publish.getByRole('button', { name: '发布名册' }).click();
  await expect(organiser.getByText('名册已发布')).toBeVisible();
  const roll = organiser.locator('.ant-card').filter({ has: organiser.getByText('表决名册', { exact: true }) });
  await expect(roll.getByText('总人数')).toBeVisible();
  await expect(roll.getByText('总面积（m²）')).toBeVisible();
  await expect(roll.locator('.ant-table-row').first()).toBeVisible();
  await expect(organiser.getByRole('button', { name: '重新发布名册' })).toBeVisible();
  await organiser.screenshot({ path: shot('decision-roll-published'), fullPage: true });

  // The decision whose roll has been published for 16 days: opening waits for a second approver.
  await openDecision(organiser, READY);
  await organiser.getByRole('button', { name: '申请开始表决' }).click();
  const open = organiser.getByRole('dialog').filter({ hasText: '申请开始表决？' });
  await expect(open).toContainText('第二审批人');
  await open.getByRole('button', { name: '申请开始表决' }).click();
  // The shell's "submitted for approval" notice; then the page says what it waits for.
  await organiser.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(organiser.getByText('等待第二审批人：开始表决')).toBeVisible();
  await expect(organiser.getByRole('button', { name: '申请开始表决' })).toHaveCount(0);
  await organiser.screenshot({ path: shot('decision-open-requested') });

  // The residents' committee approves it at 审批.
  const approver = await staffPage(browser, APPROVER);
  await approver.goto('/approvals');
  const row = approver.locator('.ant-table-row').filter({ hasText: `开始表决：${READY}` });
  await row.getByRole('button', { name: '批准' }).click();
  const confirm = approver.getByRole('dialog').filter({ hasText: '确认批准' });
  await expect(confirm).toContainText('批准后表决立即开始');
  await confirm.getByRole('button', { name: '批准' }).click();
  await expect(approver.getByText('已批准').first()).toBeVisible();
  await openDecision(approver, READY);
  await expect(approver.locator('.ant-page-header, .gz-page-head').getByText('表决中')).toBeVisible();
  await expect(approver.getByText('表决进度')).toBeVisible();
  await approver.screenshot({ path: shot('decision-opened') });

  // The street official: the published result, both tables and the printed notice.
  const street = await staffPage(browser, STREET_OFFICIAL);
  await openDecision(street, PUBLISHED);
  await expect(street.getByText('法定结果（民法典第二百七十八条')).toBeVisible();
  await expect(street.locator('.ant-table-row').filter({ hasText: '续聘现物业服务企业' }).first()).toContainText('通过');
  for (const [button, name] of [
    ['表决结果汇总表', /\.xlsx$/],
    ['表决结果明细表', /\.xlsx$/],
  ] as const) {
    const [download] = await Promise.all([street.waitForEvent('download'), street.getByRole('link', { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(name);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(2000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
  const pdfHref = await street.getByRole('link', { name: '公示 PDF' }).getAttribute('href');
  expect(pdfHref).toMatch(/^\/api\/public\/decisions\.result\/[0-9a-f-]{36}\/print\.pdf/);
  const pdf = await street.request.get(pdfHref!);
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await street.screenshot({ path: shot('decision-published'), fullPage: true });

  // The property company sees nothing of decisions: no menu entry, and the page says so.
  const company = await staffPage(browser, 'wuye');
  await expect(company.getByRole('navigation', { name: '主菜单' }).getByText('业主表决', { exact: true })).toHaveCount(0);
  await company.goto('/decisions');
  await expect(company.getByText('业主表决仅对业主委员会、居民委员会、街道等组织和监督表决的人员开放。')).toBeVisible();

  await company.context().close();
  await street.context().close();
  await approver.context().close();
  await organiser.context().close();
});
