import { type APIRequestContext, type Browser, type BrowserContext, type ConsoleMessage, type Page, test as base, expect, request } from '@playwright/test';
import { DEMO_PASSWORD } from './demo.ts';

export { expect };

/**
 * Console errors a journey may meet without failing, each with the reason. Keep it short: anything
 * else in the console (an uncaught exception, a failed request, a React warning) fails the journey.
 */
const EXPECTED_CONSOLE_ERRORS: { text: RegExp; url: RegExp; why: string }[] = [
  {
    text: /^Failed to load resource: the server responded with a status of 401/,
    url: /\/api\/auth\/me$/,
    why: 'before sign-in both shells ask who is signed in; 401 is the answer that shows the sign-in page',
  },
  {
    text: /^Failed to load resource: the server responded with a status of 401/,
    url: /\/api\/auth\/login$/,
    why: 'a wrong password is refused with 401 (the sign-in slip journey tries one on purpose); a journey that meant to sign in fails at its next step anyway',
  },
  {
    text: /^Failed to load resource: the server responded with a status of 409/,
    url: /\/api\/supervision\/stars\/applications\/[0-9a-f-]{36}\/allocation$/,
    why: 'the 有礼小区 journey gives the company 31% of the reward on purpose: the server refuses it (409 COMPANY_SHARE) and the page shows why',
  },
];

const expected = (msg: ConsoleMessage) => EXPECTED_CONSOLE_ERRORS.some((e) => e.text.test(msg.text()) && e.url.test(msg.location().url));

/**
 * Every journey imports `test` from here, not from @playwright/test: it watches every browser context
 * the journey opens (the default one and any `browser.newContext()`) and fails the journey on any page
 * error or console error that is not in the list above.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ browser, context }, use) => {
      const errors: string[] = [];
      const watch = (ctx: BrowserContext) => {
        ctx.on('weberror', (e) => errors.push(`page error at ${e.page()?.url() ?? '?'}: ${e.error().stack ?? e.error().message}`));
        ctx.on('console', (msg) => {
          if (msg.type() === 'error' && !expected(msg)) errors.push(`console error at ${msg.page()?.url() ?? '?'}: ${msg.text()} (${msg.location().url})`);
        });
      };
      watch(context);
      const b = browser as Browser & { newContext: Browser['newContext']; newPage: Browser['newPage'] };
      const { newContext, newPage } = b;
      b.newContext = async (...args) => {
        const ctx = await newContext.apply(browser, args);
        watch(ctx);
        return ctx;
      };
      b.newPage = async (...args) => {
        const ctx = await b.newContext(...args);
        const page = await ctx.newPage();
        page.on('close', () => void ctx.close());
        return page;
      };
      try {
        await use(errors);
      } finally {
        b.newContext = newContext;
        b.newPage = newPage;
      }
      expect(errors, 'no page errors and no console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** A signed-in API client (session cookie and CSRF token), for a journey's setup steps. */
export async function apiAs(baseURL: string, login: string, password: string): Promise<APIRequestContext> {
  const signedIn = await request.newContext({ baseURL });
  const res = await signedIn.post('/api/auth/login', { data: { login, password } });
  expect(res.ok(), `sign-in as ${login}: ${res.status()}`).toBe(true);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const state = await signedIn.storageState();
  await signedIn.dispose();
  return request.newContext({ baseURL, storageState: state, extraHTTPHeaders: { 'x-csrf-token': csrfToken } });
}

/**
 * The workbench on a desktop, signed in as a staff login of the demo: Chinese, Shanghai time, downloads allowed. The
 * first page of a fresh server on two shared cores may take longer than the default wait.
 */
export async function staffPage(browser: Browser, login: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible({ timeout: 30_000 });
  return page;
}
export type { Browser, Page } from '@playwright/test';
