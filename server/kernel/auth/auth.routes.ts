import { z } from 'zod';
import { ROLE_LABELS, rolesOf } from '../access/index.ts';
import { audit, type Kernel, write } from '../context.ts';
import type { App } from '../module.ts';
import { actorOf, ctxOf } from '../http/server.ts';
import { DEVICE_COOKIE, login } from './login.ts';
import { AUDIT_READERS } from '../audit/audit.routes.ts';
import { allApproverRoles } from '../approvals/approvals.ts';
import { SESSION_COOKIE, destroySession, sessionCookieOptions } from './sessions.ts';
import { changeOwnPassword } from './change-password.ts';
import { StaffAccountsQuery, listStaffAccounts, resetStaffPassword } from './staff-accounts.ts';

const LoginBody = z.object({
  login: z.string().trim().min(1).max(64).describe('username or mobile phone number'),
  password: z.string().min(1).max(200),
});

export function authRoutes(app: App, kernel: Kernel) {
  const cookieOptions = sessionCookieOptions(kernel.config.secureCookies);

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in with username or phone and password', body: LoginBody },
    },
    async (req, reply) => {
      const session = await login(kernel, {
        ...req.body,
        ip: req.ip,
        device: req.cookies[DEVICE_COOKIE],
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      // Outlives the session: this browser stays "known" to the login (throttle.ts).
      reply.setCookie(DEVICE_COOKIE, session.device, { ...cookieOptions, maxAge: 365 * 24 * 60 * 60 });
      return { csrfToken: session.csrfToken, accountId: session.accountId };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await destroySession(kernel.db, token);
      // Other processes hear of it from the database; this one forgets the session now.
      if (req.actor) kernel.sessions.invalidate(req.actor.accountId);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in account, its roles and grants' } }, async (req) => {
    const actor = actorOf(req);
    // Not part of the cached session: read when the shell loads, by the account's key.
    const prefs = await kernel.db.selectFrom('accounts').select(['elderly', 'must_change_password']).where('id', '=', actor.accountId).executeTakeFirst();
    return {
      account: {
        id: actor.accountId,
        name: actor.name,
        personId: actor.personId,
        locale: actor.locale,
        elderly: prefs?.elderly ?? false,
        // A temporary password from an administrator's reset: the workbench makes them set their own first.
        mustChangePassword: prefs?.must_change_password ?? false,
      },
      roles: rolesOf(actor).map((r) => ({ role: r, label: ROLE_LABELS[r] })),
      grants: actor.grants.map((g) => ({ role: g.role, placeId: g.placeId, placeName: g.placeName })),
      csrfToken: req.csrfToken,
      // What the shells may offer; the server still checks every request.
      can: {
        audit: actor.grants.some((g) => AUDIT_READERS.includes(g.role)),
        approve: actor.grants.some((g) => allApproverRoles().includes(g.role)),
      },
    };
  });

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my preferences (language, elderly mode)',
        body: z
          .object({ locale: z.enum(['zh-CN', 'en']).optional(), elderly: z.boolean().optional() })
          .refine((b) => b.locale !== undefined || b.elderly !== undefined, 'nothing to change'),
      },
    },
    async (req) => {
      const ctx = ctxOf(kernel, req);
      const changes = { ...(req.body.locale ? { locale: req.body.locale } : {}), ...(req.body.elderly !== undefined ? { elderly: req.body.elderly } : {}) };
      await write(ctx, async (tx) => {
        await tx.updateTable('accounts').set(changes).where('id', '=', ctx.actor.accountId).execute();
        await audit(tx, ctx, { action: 'account.preferences_changed', subjectType: 'account', subjectId: ctx.actor.accountId, detail: changes });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    {
      // Each try costs an argon2 verification, and a stolen session must not be a way to guess the password behind it.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my own password (current and new); ends my other sessions',
        body: z.strictObject({ current: z.string().min(1).max(200), next: z.string().min(1).max(200) }),
      },
    },
    async (req) => changeOwnPassword(ctxOf(kernel, req), req.body, req.cookies[SESSION_COOKIE]),
  );

  // 账号管理: staff accounts and an administrator's password reset (staff-accounts.ts).
  app.get(
    '/api/auth/accounts',
    { schema: { tags: ['auth'], summary: 'Staff accounts I may manage, with roles and places', querystring: StaffAccountsQuery } },
    async (req) => listStaffAccounts(ctxOf(kernel, req), req.query),
  );
  app.post(
    '/api/auth/accounts/:id/reset-password',
    { schema: { tags: ['auth'], summary: "Reset a staff member's password: a temporary one, answered once, to be changed at sign-in", params: z.object({ id: z.uuid() }) } },
    async (req) => resetStaffPassword(ctxOf(kernel, req), req.params.id),
  );
}
