import { DEMO_PASSWORD, shot } from './demo.ts';
import { type Browser, expect, type Page } from './fixtures.ts';
import { gradientPng, noSidewaysScroll, phone } from './journey-helpers.ts';

/**
 * The sheets part's step of the supervision journey (issue 20): an official inspects a compound on the sheet in force,
 * from a phone. The lead composes it with the assessment's and rectification's steps.
 */

/** Signs an official in on the workbench from a phone (the menu folds away there: wait for the page to leave /login). */
async function staffSignInOnPhone(page: Page, login: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** Waits for the answer to the entry or upload a step just sent (each indicator saves as it is filled in). */
const saved = (page: Page, method: 'PUT' | 'POST') =>
  page.waitForResponse((r) => r.url().includes('/api/supervision/inspections/') && r.url().includes('/items/') && r.request().method() === method && r.status() < 300);

/**
 * An official (`login`: e.g. `street` or `shuji`) on a 390×844 phone starts an inspection of `compoundName` for the
 * current quarter, fills in every indicator — full marks, met — except ONE finding (a problem found under the first
 * deduction indicator, with a note), gives each indicator the evidence it asks for (photos from the camera, the record
 * as a scanned image), submits after the confirmation and sees the score. Answers the inspection's id, the score shown
 * ('97.22') and the phone's page (still signed in) for the next step.
 */
export async function inspectOnPhone(browser: Browser, { login, compoundName }: { login: string; compoundName: string }): Promise<{ inspectionId: string; score: string; page: Page }> {
  const context = await phone(browser);
  const page = await context.newPage();
  await staffSignInOnPhone(page, login);

  // ——— 开始检查 (a page of its own on the phone): the compound, the current quarter (the default), property service. ———
  await page.goto('/supervision/inspections/new');
  await expect(page.getByRole('heading', { name: '开始一次检查', level: 3 })).toBeVisible();
  await noSidewaysScroll(page);
  const compound = page.getByRole('combobox', { name: /小区/ });
  await compound.click();
  await compound.fill(compoundName);
  await page.locator('.ant-select-item-option', { hasText: compoundName }).first().click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/supervision\/inspections\/[0-9a-f-]{36}$/);
  const inspectionId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: new RegExp(`^${compoundName} · \\d{4}-Q[1-4]$`) })).toBeVisible();
  await noSidewaysScroll(page);

  // ——— Every indicator, card by card. ———
  const cards = page.locator('[data-code]');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  let finding = false;
  let photo = false;
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const code = (await card.getAttribute('data-code'))!;
    await card.scrollIntoViewIfNeeded();
    const points = card.getByLabel(new RegExp(`^${code} 得分（满分 [\\d.]+）$`));
    const findings = card.getByLabel(`${code} 发现问题（处）`);
    if (await points.count()) {
      const max = /满分 ([\d.]+)/.exec((await points.getAttribute('aria-label')) ?? '')![1]!;
      await points.fill(max);
      const done = saved(page, 'PUT');
      await points.press('Tab');
      await done;
    } else if (await findings.count()) {
      if (!finding) {
        finding = true;
        let done = saved(page, 'PUT');
        await findings.fill('1');
        await findings.press('Tab');
        await done;
        done = saved(page, 'PUT');
        await card.getByLabel(`${code} 备注`).fill('3栋楼道堆放杂物，堵塞通道');
        await card.getByLabel(`${code} 备注`).press('Tab');
        await done;
      }
    } else {
      const done = saved(page, 'PUT');
      await card.getByText('达标', { exact: true }).click();
      await done;
    }
    // Evidence as the indicator asks: a photo from the camera, or the scanned record (an image of the paper).
    const wantsPhoto = (await card.getByText('须拍照').count()) + (await card.getByText('照片或资料').count()) > 0;
    const wantsDocument = (await card.getByText('须有资料').count()) > 0;
    if (wantsPhoto || wantsDocument) {
      const input = card.getByLabel(wantsPhoto ? `${code} 拍照 / 上传照片` : `${code} 上传资料`);
      const name = `${wantsPhoto ? '现场' : '记录'}-${code}.png`;
      const done = saved(page, 'POST');
      await input.setInputFiles({ name, mimeType: 'image/png', buffer: gradientPng(640, 480) });
      await done;
      if (wantsPhoto) {
        photo = true;
        await expect(card.getByAltText(name)).toBeVisible();
      } else {
        await expect(card.getByText(name)).toBeVisible();
      }
    }
    await expect(card.getByText(/^计 \d+\.\d{2} 分$/)).toBeVisible();
  }
  expect(finding && photo, 'one finding recorded and one photo taken').toBe(true);
  await expect(page.getByText('全部指标已填写')).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('supervision-inspection-phone'), fullPage: true });

  // ——— Submit, after the confirmation that states the score; the record is then read-only. ———
  await page.getByRole('button', { name: '提交检查' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '提交本次检查？' });
  await expect(confirm).toContainText(/提交后得分为 \d+\.\d{2} 分/);
  await confirm.getByRole('button', { name: '提交检查' }).click();
  await expect(page.getByText('检查已提交，记录不可修改。')).toBeVisible();
  const scoreCard = page.getByTestId('inspection-score');
  await expect(scoreCard).toContainText('得分');
  const score = /(\d+\.\d{2})/.exec((await scoreCard.locator('.ant-statistic-content').textContent()) ?? '')![1]!;
  await expect(page.getByRole('button', { name: '下发整改通知' }).first()).toBeVisible();
  await page.screenshot({ path: shot('supervision-inspection-submitted'), fullPage: true });
  return { inspectionId, score, page };
}
