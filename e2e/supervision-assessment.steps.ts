import { DEMO_PASSWORD, RESIDENT_PHONE, shot, STREET_OFFICIAL } from './demo.ts';
import { type Browser, expect, type Page, staffPage } from './fixtures.ts';
import { noSidewaysScroll, phone, residentSignIn } from './journey-helpers.ts';

/**
 * The assessment's steps of the supervision journey (issue 20): the street official computes a period, opens a
 * compound's breakdown and asks to publish; a second street official ('street2', added by the assessment's demo
 * seed) approves; the resident then sees the colour on the H5 home. The lead composes these into one journey.
 */

export type Colour = 'green' | 'blue' | 'yellow' | 'red';
const COLOUR_ZH: Record<Colour, string> = { green: '绿色', blue: '蓝色', yellow: '黄色', red: '红色' };
/** antd puts a space between the two characters of a two-character button label. */
const OK = /^确\s?定$/;

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm').getByRole('button', { name: OK }).click();
}

/**
 * As the street official: computes `period` for the demo street (or recomputes its draft), opens `compoundName`'s
 * breakdown (every input listed with its figures), asks to publish; as 'street2' approves at 审批. Answers the
 * compound's colour and score as the breakdown showed them.
 */
export async function computeAndPublish(
  browser: Browser,
  { period, compoundName = '阳光花园' }: { period: string; compoundName?: string },
): Promise<{ compoundName: string; colour: Colour; score: string }> {
  const official = await staffPage(browser, STREET_OFFICIAL);
  await official.goto(`/supervision/assessment?period=${period}`);
  await expect(official.getByRole('heading', { name: '四色考评' })).toBeVisible();
  const compute = official.getByRole('button', { name: /^(计算本期考评|重新计算)$/ });
  await compute.click();
  await confirmPopover(official);
  await expect(official.getByText(/已计算 \d+ 个小区/)).toBeVisible();
  await expect(official.getByText('草稿').first()).toBeVisible();
  await official.screenshot({ path: shot('assessment-computed'), fullPage: true });

  // The compound's breakdown: how its score was made, input by input, with links to the rows behind each.
  await official.getByRole('link', { name: compoundName, exact: true }).click();
  await expect(official).toHaveURL(new RegExp(`/supervision/assessment/${period}/[0-9a-f-]{36}$`));
  await expect(official.getByText('得分构成')).toBeVisible();
  for (const input of ['业主评价', '报修满意度', '报修服务', '居民议事评议', '街道评价', '社区党组织评价', '检查考评']) {
    await expect(official.getByRole('cell', { name: input }).first()).toBeVisible();
  }
  const colourBox = official.getByTestId('assessment-colour');
  const colour = (await colourBox.getAttribute('data-colour')) as Colour;
  expect(Object.keys(COLOUR_ZH), 'the compound has a colour').toContain(colour);
  const score = ((await official.getByTestId('assessment-score').textContent()) ?? '').trim();
  expect(score).toMatch(/^\d{1,3}\.\d{2}$/);
  await official.screenshot({ path: shot('assessment-breakdown'), fullPage: true });

  // Back to the period: ask to publish (a second street official approves).
  await official.getByRole('link', { name: '四色考评' }).first().click();
  await official.getByRole('button', { name: '申请公布' }).click();
  await confirmPopover(official);
  await expect(official.getByText('待审批').first()).toBeVisible();
  await expect(official.getByRole('button', { name: '申请公布' })).toHaveCount(0);
  await official.context().close();

  const approver = await staffPage(browser, 'street2');
  await approver.goto('/approvals');
  const row = approver.locator('.ant-table-row').filter({ hasText: `${period} 物业服务四色考评` });
  await row.getByRole('button', { name: '批准' }).click();
  const confirm = approver.getByRole('dialog').filter({ hasText: '确认批准' });
  await expect(confirm).toContainText('居民可见');
  await confirm.getByRole('button', { name: '批准' }).click();
  await expect(approver.getByText('已批准').first()).toBeVisible();
  await approver.goto(`/supervision/assessment?period=${period}`);
  await expect(approver.getByText('已公布').first()).toBeVisible();
  await approver.screenshot({ path: shot('assessment-published'), fullPage: true });
  await approver.context().close();
  return { compoundName, colour, score };
}

/** The resident 13800000001 on a phone sees the compound's published colour on the H5 home, and no score. */
export async function residentSeesColour(browser: Browser, { compoundName, colour, score }: { compoundName: string; colour: Colour; score?: string }): Promise<void> {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await residentSignIn(page, RESIDENT_PHONE, 30_000);
  const section = page.getByRole('region', { name: '物业服务评价' });
  await expect(section).toBeVisible();
  await expect(section.getByText(`${compoundName}：${COLOUR_ZH[colour]}`)).toBeVisible();
  await expect(section.getByTestId('home-colour').first()).toHaveAttribute('data-colour', colour);
  await expect(section.getByText(/绿色为优秀/)).toBeVisible();
  if (score) await expect(section.getByText(score)).toHaveCount(0);
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('assessment-resident-colour'), fullPage: true });
  await ctx.close();
}

export { DEMO_PASSWORD };
