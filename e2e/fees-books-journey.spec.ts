import { RESIDENT_PHONE, shot } from './demo.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { desktop, noSidewaysScroll, phone, residentSignIn, staffSignIn } from './journey-helpers.ts';

// A busy machine: allow the pages time.
const expect = baseExpect.configure({ timeout: 20_000 });
/** The demo's owners' committee member of 阳光花园. */
const COMMITTEE = 'yeweihui';

test("an owner reads the compound's published open books on a phone and questions a line; the owners' committee sees the question", async ({ browser }) => {
  // Two signed-in phones and a desktop on a machine shared with other work: more than the default two minutes.
  test.setTimeout(300_000);
  const question = `保洁外包费比上月高，是否重新比价？ ${Date.now().toString(36)}`;

  // ——— 办事 → 账目公开: the months the committee and the company confirmed and published. ———
  const ownerCtx = await phone(browser);
  const owner = await ownerCtx.newPage();
  await residentSignIn(owner, RESIDENT_PHONE, 30_000);
  await owner.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '办事' }).click();
  await owner.getByRole('link', { name: /账目公开/ }).click();
  await expect(owner).toHaveURL(/\/h5\/fees\/books$/);
  const month = owner.locator('.adm-list-item').filter({ hasText: '阳光花园' }).first();
  await expect(month).toContainText('结余');
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-books-months'), fullPage: true });

  // ——— A month: totals, income and expense lines with vouchers and basis. ———
  await month.click();
  await expect(owner).toHaveURL(/\/h5\/fees\/books\/[0-9a-f-]{36}$/);
  const statementId = owner.url().split('/').pop()!;
  await expect(owner.getByText('收入明细')).toBeVisible();
  await expect(owner.getByText('支出明细')).toBeVisible();
  // The remuneration line shows how it was computed; the repairs line its person masked and its answered question.
  await expect(owner.getByText(/计算：本月收入合计 .* × 酬金比例 10\.00%/)).toBeVisible();
  const repairs = owner.locator('.adm-list-item').filter({ hasText: '维修' }).first();
  await expect(repairs).toContainText('李*');
  await expect(repairs).not.toContainText('李建国');
  await expect(repairs).toContainText('经三家报价比选');
  await expect(owner.locator('img[alt^="凭证-"]').first()).toBeVisible();
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-books-month'), fullPage: true });

  // ——— 提出疑问 on the cleaning line: a public opinion to the owners' committee. ———
  const cleaning = owner.locator('.adm-list-item').filter({ hasText: '保洁' }).first();
  const lineNo = /第 (\d+) 行/.exec((await cleaning.textContent()) ?? '')![1]!;
  await cleaning.getByRole('button', { name: '提出疑问' }).click();
  await expect(owner.getByText(`对第 ${lineNo} 行提出疑问`)).toBeVisible();
  await owner.getByPlaceholder('请写下您的疑问').fill(question);
  const asked = owner.waitForResponse((r) => r.url().includes('/questions') && r.request().method() === 'POST');
  await owner.getByRole('button', { name: '提交' }).click();
  const { opinionId } = (await (await asked).json()) as { opinionId: string };
  await expect(owner.getByText('已提交')).toBeVisible();
  await expect(cleaning).toContainText(question);
  await expect(cleaning).toContainText('等待业委会答复');
  await noSidewaysScroll(owner);
  await owner.screenshot({ path: shot('fees-books-questioned'), fullPage: true });

  // The opinion leads back to the line.
  await owner.goto(`/h5/decide/opinions/${opinionId}`);
  const about = owner.getByRole('link', { name: new RegExp(`关于：.* 账目 第 ${lineNo} 行`) });
  await expect(about).toBeVisible();
  await about.click();
  await expect(owner).toHaveURL(new RegExp(`/h5/fees/books/${statementId}#line-`));

  // ——— The owners' committee sees the question: in its inbox, and on the statement's line. ———
  const committeeCtx = await desktop(browser);
  const committee = await committeeCtx.newPage();
  await staffSignIn(committee, COMMITTEE, 30_000);
  await committee.goto('/opinions?addressee=owners_committee');
  const row = committee.locator('tr.ant-table-row').filter({ hasText: `第 ${lineNo} 行` }).first();
  await expect(row).toBeVisible();
  await committee.goto(`/opinions/${opinionId}`);
  await expect(committee.getByText(question).first()).toBeVisible();
  await expect(committee.getByText(new RegExp(`关于：.* 账目 第 ${lineNo} 行`))).toBeVisible();
  await committee.goto(`/fees/books/${statementId}`);
  await expect(committee.getByText(question).first()).toBeVisible();
  await committee.screenshot({ path: shot('fees-books-committee'), fullPage: true });

  for (const c of [ownerCtx, committeeCtx]) await c.close();
});
