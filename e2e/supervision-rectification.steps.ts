import { shot } from './demo.ts';
import { type Browser, expect, type Page } from './fixtures.ts';
import { desktop, gradientPng, staffSignIn } from './journey-helpers.ts';

/** The China day `days` from now (the new-notice form's deadline is a day there). */
const chinaDayFromNow = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const NO = /整改〔\d{4}〕第 \d{3} 号/;

/** A staff member signed in on a desktop of their own. */
async function staffPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await desktop(browser)).newPage();
  await staffSignIn(page, login, 30_000);
  return page;
}

/**
 * The rectification step of the supervision journey (issue 20 §4): an official issues a 整改通知单 — from the
 * new-notice page, or from `fromUrl` when given (the journey passes an inspection finding's link, which opens the
 * same form prefilled) — the company answers it with a photo, and the official verifies and closes it. Returns the
 * notice's number and id.
 */
export async function issueAnswerVerify(
  browser: Browser,
  opts: { issuerLogin: string; companyLogin?: string; compoundName: string; fromUrl?: string },
): Promise<{ no: string; id: string }> {
  const companyLogin = opts.companyLogin ?? 'wuye';
  // ——— 1. The official issues the notice. ———
  const issuer = await staffPage(browser, opts.issuerLogin);
  await issuer.goto(opts.fromUrl ?? '/supervision/notices/new');
  await expect(issuer.getByRole('heading', { name: '下发整改通知单' })).toBeVisible();
  const form = issuer.locator('form');
  if (opts.fromUrl) {
    // Prefilled from the finding: its place, problem and description are there already.
    await expect(issuer.getByText(/已根据检查发现填写/)).toBeVisible();
    await expect(form.getByLabel('问题', { exact: true })).not.toHaveValue('');
  } else {
    await form.getByLabel('问题位置').fill(opts.compoundName);
    await issuer.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: opts.compoundName }).first().click();
    await form.getByLabel('问题', { exact: true }).fill('消防通道堆放杂物');
    await form.getByLabel('问题描述与整改要求').fill(`${opts.compoundName}南门消防通道堆放建筑垃圾，堵塞通道。请立即清理并设置禁停、禁堆标识。`);
  }
  await form.getByLabel('整改期限').fill(chinaDayFromNow(7));
  await form.locator('input[type=file]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: gradientPng(480, 360) });
  await issuer.screenshot({ path: shot('supervision-notice-new'), fullPage: true });
  await form.getByRole('button', { name: '下发' }).click();
  await expect(issuer).toHaveURL(/\/supervision\/notices\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = issuer.url().split('/').pop()!;
  const heading = issuer.getByRole('heading', { level: 3 });
  await expect(heading).toHaveText(NO);
  const no = NO.exec((await heading.textContent()) ?? '')![0];
  await expect(issuer.locator('.ant-tag').filter({ hasText: '待整改' })).toBeVisible();
  // The printable notice: a PDF carrying its number.
  const pdf = await issuer.request.get(`/api/supervision/notices/${id}/notice.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // ——— 2. The company finds it in its list and answers with a photo of the fix. ———
  const company = await staffPage(browser, companyLogin);
  await company.goto('/supervision/notices?stage=waiting');
  await company.getByRole('link', { name: no }).click();
  await expect(company).toHaveURL(new RegExp(`/supervision/notices/${id}$`));
  await company.getByRole('button', { name: '回复整改情况' }).click();
  const answer = company.getByRole('dialog').filter({ hasText: '回复整改通知单' });
  await answer.getByLabel('整改情况').fill('已清运全部杂物，设置禁停、禁堆标识两处，安排保安每日巡查。');
  await answer.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: gradientPng(400, 300) });
  await answer.getByRole('button', { name: '回复整改情况' }).click();
  await expect(company.locator('.ant-tag').filter({ hasText: '待核验' })).toBeVisible();
  await expect(company.getByText('物业整改佐证')).toBeVisible();
  await company.screenshot({ path: shot('supervision-notice-answered'), fullPage: true });

  // ——— 3. The official verifies the fix and closes the notice. ———
  await issuer.reload();
  await issuer.getByRole('button', { name: '核验销号' }).click();
  const verify = issuer.getByRole('dialog').filter({ hasText: '核验销号' });
  await verify.getByLabel('核验意见（可选）').fill('现场复查，通道已畅通。');
  await verify.getByRole('button', { name: '确认销号' }).click();
  await expect(issuer.locator('.ant-tag').filter({ hasText: '已销号' })).toBeVisible();
  await expect(issuer.getByText('核验销号').last()).toBeVisible();
  await issuer.screenshot({ path: shot('supervision-notice-closed'), fullPage: true });
  await company.context().close();
  await issuer.context().close();
  return { no, id };
}
