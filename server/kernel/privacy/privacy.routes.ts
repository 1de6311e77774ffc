import { z } from 'zod';
import type { Kernel } from '../context.ts';
import { localeOf } from '../http/errors.ts';
import { ctxOf } from '../http/server.ts';
import type { App } from '../module.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { closeAccount } from './close-account.ts';
import { myPiiReads, personalDataXlsx } from './personal-data.ts';
import { consent, myConsent, privacyNotice } from './privacy.ts';

const tags = ['resident'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CloseBody = z.strictObject({ confirm: z.literal(true) });
const ConsentBody = z.object({ version: z.string().min(1).max(40), sensitive: z.boolean() });

/** 个人信息: the privacy notice, my consent, my data as xlsx, who looked at my full phone or ID number. */
export function privacyRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  app.get('/api/privacy', { config: { public: true }, schema: { tags, summary: 'The privacy notice in force and its version' } }, async (req) =>
    privacyNotice(localeOf(req)),
  );
  app.get('/api/me/privacy-consent', { schema: { tags, summary: 'Whether I agreed to the notice in force (and to its sensitive part)' } }, async (req) =>
    myConsent(ctx(req)),
  );
  app.post('/api/me/privacy-consent', { schema: { tags, summary: 'Agree to the notice I was shown (its version)', body: ConsentBody } }, async (req) =>
    consent(ctx(req), req.body),
  );
  app.get('/api/me/personal-data.xlsx', { schema: { tags, summary: 'Everything the platform holds about me, as xlsx (audited)' } }, async (req, reply) => {
    const content = await personalDataXlsx(ctx(req));
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="my-data.xlsx"; filename*=UTF-8''${encodeURIComponent('我的数据.xlsx')}`)
      .send(content);
  });
  app.get('/api/me/pii-reads', { schema: { tags, summary: 'Who read my full phone or ID number: role, place and time' } }, async (req) => ({
    items: await myPiiReads(ctx(req)),
  }));
  app.post('/api/me/close-account', { schema: { tags, summary: 'Close my account (注销): phone and name erased, ownership records kept', body: CloseBody } }, async (req, reply) => {
    const result = await closeAccount(ctx(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  });
}
