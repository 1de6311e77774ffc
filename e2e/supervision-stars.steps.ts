import { shot, STREET_OFFICIAL } from './demo.ts';
import { type Browser, expect, type Page } from './fixtures.ts';
import { desktop, gradientPng, noSidewaysScroll, phone, residentSignIn, staffSignIn } from './journey-helpers.ts';

/**
 * The stars part's steps of the 有礼小区 journey (issue 21 §3): the third-party assessor scores the compound assigned
 * to them on a laptop, with evidence per indicator; the street asks to confirm the star and a second official
 * approves; the reward's allocation is refused at 31% for the company and recorded at 30%; the star shows on the
 * public list and on the resident's H5 home. Each step signs in on its own browser context.
 */

const OK = /^确\s?定$/;

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await desktop(browser)).newPage();
  await staffSignIn(page, login, 30_000);
  return page;
}

/** Waits for the answer to the entry or upload a step just sent (each indicator saves as it is filled in). */
const saved = (page: Page, method: 'PUT' | 'POST') =>
  page.waitForResponse((r) => r.url().includes('/api/supervision/inspections/') && r.url().includes('/items/') && r.request().method() === method && r.status() < 300);

/**
 * The assessor (`login`, e.g. pinggu) on a 1440 px laptop opens 有礼小区, finds `compoundName`'s application assigned
 * to them (the demo has them scoring it already: all but three indicators filled with their evidence), continues the
 * scoring (the civility inspection of the sheets part), fills in what is left — full marks, met — with a photo or a
 * scanned record wherever the indicator asks for one, submits after the confirmation, and sees on the application
 * the score, the star and the type. Answers the application's id.
 */
export async function assessorScores(browser: Browser, { login, compoundName }: { login: string; compoundName: string }): Promise<{ applicationId: string; score: string; stars: number }> {
  const page = await staffPage(browser, login);
  await page.getByRole('navigation', { name: '主菜单' }).getByText('有礼小区').click();
  await expect(page.getByRole('heading', { name: '有礼小区 三类五星' })).toBeVisible();
  const row = page.locator('.ant-table-row').filter({ hasText: compoundName }).filter({ hasText: '评分中' });
  await row.getByRole('link', { name: compoundName }).click();
  await expect(page).toHaveURL(/\/supervision\/stars\/applications\/[0-9a-f-]{36}$/);
  const applicationId = page.url().split('/').pop()!;
  await expect(page.getByText('按 54 项指标逐项评分')).toBeVisible();
  await page.screenshot({ path: shot('stars-application-assessor'), fullPage: true });
  await page.getByRole('button', { name: '继续评分' }).click();
  await expect(page).toHaveURL(/\/supervision\/inspections\/[0-9a-f-]{36}$/);
  const inspectionId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: new RegExp(`^${compoundName} · \\d{4}-Q[1-4]$`) })).toBeVisible();
  await expect(page.locator('[data-code]'), 'the 54 indicators of the 有礼小区 sheet').toHaveCount(54);

  // What is left: the entries not made and the evidence not given (the inspection as the page reads it).
  type Indicator = { code: string; evidence: string; files: unknown[] };
  const view = (await (await page.request.get(`/api/supervision/inspections/${inspectionId}`)).json()) as { missingCodes: string[]; sections: { indicators: Indicator[] }[] };
  const left = view.sections.flatMap((s) => s.indicators).filter((i) => view.missingCodes.includes(i.code) || (i.evidence !== 'none' && i.files.length === 0));
  expect(left.length, 'the demo leaves a few indicators to score').toBeGreaterThan(0);
  const photo = gradientPng(320, 240);
  for (const { code } of left) {
    const card = page.locator(`[data-code="${code}"]`);
    await card.scrollIntoViewIfNeeded();
    const points = card.getByLabel(new RegExp(`^${code} 得分（满分 [\\d.]+）$`));
    if (await points.count()) {
      const max = /满分 ([\d.]+)/.exec((await points.getAttribute('aria-label')) ?? '')![1]!;
      const done = saved(page, 'PUT');
      await points.fill(max);
      await points.press('Tab');
      await done;
    } else if ((await card.getByLabel(`${code} 发现问题（处）`).count()) === 0) {
      const done = saved(page, 'PUT');
      await card.getByText('达标', { exact: true }).click();
      await done;
    }
    // A deduction indicator with no problem found needs no entry: 0 findings is its full mark.
    const wantsPhoto = (await card.getByText('须拍照').count()) + (await card.getByText('照片或资料').count()) > 0;
    const wantsDocument = (await card.getByText('须有资料').count()) > 0;
    if (wantsPhoto || wantsDocument) {
      const name = `${wantsPhoto ? '现场' : '台账'}-${code}.png`;
      const done = saved(page, 'POST');
      await card.getByLabel(wantsPhoto ? `${code} 拍照 / 上传照片` : `${code} 上传资料`).setInputFiles({ name, mimeType: 'image/png', buffer: photo });
      await done;
      await expect(wantsPhoto ? card.getByAltText(name) : card.getByText(name)).toBeVisible();
    }
    await expect(card.getByText(/^计 \d+\.\d{2} 分$/)).toBeVisible();
  }
  await expect(page.getByText('全部指标已填写')).toBeVisible();
  await page.getByRole('button', { name: '提交检查' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '提交本次检查？' });
  await expect(confirm).toContainText(/提交后得分为 100\.00 分/);
  await confirm.getByRole('button', { name: '提交检查' }).click();
  await expect(page.getByText('检查已提交，记录不可修改。')).toBeVisible();

  await page.goto(`/supervision/stars/applications/${applicationId}`);
  await expect(page.getByTestId('stars-score')).toHaveText('100.00');
  await expect(page.getByTestId('stars-star')).toHaveAttribute('data-stars', '5');
  await expect(page.getByText('示范引领型').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '继续评分' })).toHaveCount(0);
  await page.screenshot({ path: shot('stars-scored'), fullPage: true });
  await page.context().close();
  return { applicationId, score: '100.00', stars: 5 };
}

/** `street` asks to confirm the star; confirming it themselves is refused by the approvals inbox; `street2` approves. */
export async function streetConfirms(browser: Browser, { applicationId, compoundName }: { applicationId: string; compoundName: string }) {
  const official = await staffPage(browser, STREET_OFFICIAL);
  await official.goto(`/supervision/stars/applications/${applicationId}`);
  await official.getByRole('button', { name: '提请确认星级' }).click();
  await official.locator('.ant-popconfirm').getByRole('button', { name: OK }).click();
  const sent = official.getByRole('dialog').filter({ hasText: '已提交，等待第二位审批人' });
  await sent.getByRole('button', { name: '关闭' }).click();
  await expect(official.getByText('等待另一位街道干部审批确认')).toBeVisible();
  await expect(official.getByText('待审批确认').first()).toBeVisible();
  await official.context().close();

  const approver = await staffPage(browser, 'street2');
  await approver.goto('/approvals');
  const row = approver.locator('.ant-table-row').filter({ hasText: `确认${compoundName}有礼小区星级` });
  await row.getByRole('button', { name: '批准' }).click();
  const confirm = approver.getByRole('dialog').filter({ hasText: '确认批准' });
  await expect(confirm).toContainText('星级即生效');
  await confirm.getByRole('button', { name: '批准' }).click();
  await expect(approver.getByText('已批准').first()).toBeVisible();
  await approver.goto(`/supervision/stars/applications/${applicationId}`);
  await expect(approver.getByText('已确认').first()).toBeVisible();
  await expect(approver.getByText(/审批确认，星级生效/)).toBeVisible();
  await approver.context().close();
}

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/**
 * `street` records the reward's allocation: first the company 31% — refused, the message giving the figures — then
 * 30%, recorded. The reward is read from the page (none → ★5: the sum of every level's reward).
 */
export async function allocateReward(browser: Browser, { applicationId }: { applicationId: string }) {
  const page = await staffPage(browser, STREET_OFFICIAL);
  await page.goto(`/supervision/stars/applications/${applicationId}`);
  const amountText = (await page.getByTestId('reward-amount').textContent())!;
  const rewardFen = Math.round(Number(amountText.replace(/,/g, '')) * 100);
  expect(rewardFen).toBeGreaterThan(0);
  // Two lines: the company and the next recipient offered (the owners' committee); the rest removed.
  for (let n = await page.locator('[data-line]').count(); n > 2; n--) await page.getByRole('button', { name: `删除第 ${n} 行` }).click();
  await expect(page.getByRole('combobox', { name: '第 1 行受领单位' }).locator('..')).toContainText('物业服务企业');
  const fill = async (companyFen: number) => {
    for (const [n, fen, purpose] of [
      [1, companyFen, '楼道微改造与设施维护'],
      [2, rewardFen - companyFen, '小区公共环境提升'],
    ] as const) {
      const amount = page.getByRole('spinbutton', { name: `第 ${n} 行金额` });
      await amount.fill((fen / 100).toFixed(2));
      await amount.press('Tab');
      await page.getByRole('textbox', { name: `第 ${n} 行用途` }).fill(purpose);
    }
  };
  const over = Math.round((rewardFen * 31) / 100);
  await fill(over);
  await expect(page.getByTestId('company-share')).toContainText('31.00%');
  await page.getByRole('button', { name: '保存分配' }).click();
  const refusal = page.getByTestId('allocation-error');
  await expect(refusal).toContainText('分配未通过');
  await expect(refusal).toContainText(`物业企业分得 ${yuan(over)} 元，占奖励 ${yuan(rewardFen)} 元的 31.00%，超过上限 30%`);
  await page.screenshot({ path: shot('stars-allocation-refused'), fullPage: true });

  const cap = (rewardFen * 30) / 100;
  await fill(cap);
  await expect(page.getByTestId('company-share')).toContainText('30.00%');
  await page.getByRole('button', { name: '保存分配' }).click();
  await expect(page.getByText('奖励分配已登记')).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expect(page.locator('.ant-table-row').filter({ hasText: yuan(cap) })).toBeVisible();
  await page.screenshot({ path: shot('stars-allocation-recorded'), fullPage: true });
  await page.context().close();
}

/**
 * The star on the street's public list (opened from the 公示页 button, as the QR code would, on a phone without
 * signing in) and on the resident's H5 home (390 px): 有礼小区：★★★★★ 示范引领型.
 */
export async function starOnPublicListAndHome(browser: Browser, { compoundName, resident }: { compoundName: string; resident: string }) {
  const official = await staffPage(browser, STREET_OFFICIAL);
  await official.goto('/supervision/stars/compounds');
  await expect(official.locator('.ant-table-row').filter({ hasText: compoundName }).locator('[data-stars="5"]')).toBeVisible();
  await official.getByRole('button', { name: '公示页 / 二维码' }).click();
  const live = await official.getByRole('link', { name: '打开公示页' }).getAttribute('href');
  expect(live).toMatch(/\/h5\/p\/supervision\.stars\/[0-9a-f-]{36}$/);
  await official.context().close();

  const anonymous = await (await phone(browser)).newPage();
  await anonymous.goto(new URL(live!).pathname);
  await expect(anonymous.getByText('有礼小区星级公示').first()).toBeVisible();
  const line = anonymous.getByRole('row').filter({ hasText: compoundName });
  await expect(line).toContainText('★★★★★');
  await expect(line).toContainText('示范引领型');
  await noSidewaysScroll(anonymous);
  await anonymous.screenshot({ path: shot('stars-public-list'), fullPage: true });
  await anonymous.context().close();

  const page = await (await phone(browser)).newPage();
  await residentSignIn(page, resident, 30_000);
  const star = page.getByTestId('home-stars').first();
  await star.scrollIntoViewIfNeeded();
  await expect(star).toHaveAttribute('data-stars', '5');
  await expect(star).toHaveText('有礼小区：★★★★★ 示范引领型');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('stars-resident-home'), fullPage: true });
  await page.context().close();
}
