import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.ts';
import { wireModules } from '../wire-modules.ts';
import type { Ctx, Kernel } from '../context.ts';
import { CommonErrors, type Locale } from '../errors.ts';
import { auditGuard } from '../audit/audit-guard.ts';
import { newId } from '../ids.ts';
import type { App, Module } from '../module.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/sessions.ts';
import { AccountErrors } from '../auth/staff-accounts.ts';
import { localeOf, sendError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, public pages). */
    public?: boolean;
    /** Sets its own Cache-Control (public pages): the API's no-store is not imposed on its successes. */
    cacheable?: boolean;
  }
}

const WEB_DIST = new URL('../../../dist/web/', import.meta.url).pathname;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The writes a session with a temporary password may make: set its own password, sign out, its language. */
const WHILE_MUST_CHANGE = new Set(['POST /api/auth/password', 'POST /api/auth/logout', 'PATCH /api/auth/me']);

/** The signed-in actor of a request, or 401. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw CommonErrors.UNAUTHENTICATED();
  return req.actor;
}

/** The use-case context of a request. */
export const ctxOf = (kernel: Kernel, req: { actor: Actor | null }): Ctx => ({ kernel, actor: actorOf(req) });

/**
 * Builds the HTTP server: security headers, cookies, sessions and CSRF, errors as
 * `{error:{code,message}}`, OpenAPI at /api/docs, every module's routes, and the two web shells.
 */
export async function buildServer(
  kernel: Kernel,
  modules: Module[],
  opts: { logger?: boolean; /** Routes that may write without an audit entry, each with its reason (audit/audit-guard.ts). */ writesWithoutAudit?: Record<string, string> } = {},
): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: kernel.config.logLevel } : false,
    genReqId: () => newId(),
    bodyLimit: 2 * 1024 * 1024,
    // Only the configured reverse proxies may say who the client is (X-Forwarded-For); otherwise any
    // client could pick its own address and walk around per-address limits such as sign-in's.
    trustProxy: kernel.config.trustProxy.length ? kernel.config.trustProxy : false,
    // The router refuses some paths before any route or hook runs (bad percent-encoding, a parameter
    // too long): in the API's error shape too, not Fastify's.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  // Every API route, so tests can check that /api/docs documents all of them.
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method).filter((m) => m !== 'HEAD');
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) for (const m of methods) apiRoutes.push(`${m} ${route.url}`);
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd and antd-mobile inject their styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // Uploads (photos, spreadsheets): size-limited here; each route checks the content itself.
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 10, fields: 50 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongzhi 共治 API', version: '0.1.0', description: 'Every route of Gongzhi. Errors are `{error:{code,message}}`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Authentication: resolve the session cookie; writes made with a cookie must echo the CSRF token.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await kernel.sessions.resolve(kernel.db, token, kernel.clock.now(), {
        idleMs: kernel.config.sessionIdleMs,
        maxMs: kernel.config.sessionMaxMs,
      });
      if (found.status === 'ok') {
        req.actor = { ...found.actor, requestId: req.id };
        req.csrfToken = found.csrfToken;
      } else expired = found.status === 'expired';
    }
    // Public routes, and unknown ones (answered 404 by the not-found handler), need no session.
    if (req.routeOptions.config?.public || req.routeOptions.url === undefined) return;
    if (!req.actor) throw expired ? CommonErrors.SESSION_EXPIRED() : CommonErrors.UNAUTHENTICATED();
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken) throw CommonErrors.CSRF_INVALID();
    // A temporary password (an administrator's reset) writes nothing until its holder sets their own: whoever
    // handed it out cannot act as the account without changing the password, which the account then notices.
    if (req.actor.mustChangePassword && !SAFE_METHODS.has(req.method) && !WHILE_MUST_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) {
      throw AccountErrors.PASSWORD_CHANGE_REQUIRED();
    }
  });

  // PostgreSQL cannot store NUL in text: refuse it here, for every route, before any SQL runs.
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const at = findNul(value, part);
      if (at) throw CommonErrors.TEXT_NOT_STORABLE({}, { path: at });
    }
  });
  // API answers carry personal data and per-user state: no browser or proxy may keep them (public pages,
  // which carry neither, say how long they may be kept).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !(req.routeOptions.config?.cacheable && reply.statusCode < 400 && reply.hasHeader('cache-control'))) {
      reply.header('cache-control', 'no-store');
    }
  });

  if (kernel.config.checkAudit) {
    const exempt = new Map(Object.entries(opts.writesWithoutAudit ?? {}));
    for (const m of modules) for (const s of m.auditStandIns ?? []) for (const r of s.routes) exempt.set(r, `${m.name}: ${s.name} keep their own hash chain`);
    app.addHook('onSend', auditGuard(kernel, exempt));
  }

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness' } }, async () => ({
    ok: true,
    driver: kernel.database.driver,
  }));

  // What the modules declare, handed to the kernel's services before anything is served.
  wireModules(modules);
  for (const m of modules) {
    await app.register(async (scoped) => {
      await m.routes?.(scoped as unknown as App, kernel);
    });
  }

  // The resident's home in one request: every module's slice, loaded side by side.
  const homeSections = modules.flatMap((m) => (m.residentHome ? [m.residentHome] : []));
  app.get('/api/me/home', { schema: { tags: ['resident'], summary: 'Everything the resident home shows: my rooms and compound, unread notices, open repairs, posts' } }, async (req) => {
    const ctx = ctxOf(kernel, req);
    return Object.assign({}, ...(await Promise.all(homeSections.map((section) => section(ctx)))));
  });

  // The workbench's home in one request: what needs this official today and the key figures of their
  // places, from every module (and the kernel's approvals), in module order.
  const staffSections = modules.flatMap((m) => (m.staffHome ? [m.staffHome] : []));
  app.get('/api/me/workbench', { schema: { tags: ['staff'], summary: 'The workbench home: my to-dos (each opening its list) and the key figures of my places' } }, async (req) => {
    const ctx = ctxOf(kernel, req);
    const slices = await Promise.all(staffSections.map((section) => section(ctx)));
    return { todos: slices.flatMap((s) => s.todos ?? []), figures: slices.flatMap((s) => s.figures ?? []) };
  });

  // The two web shells: the staff workbench at / and the resident H5 at /h5/.
  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build wrote .br and .gz beside every text asset: sent to browsers that accept them.
      preCompressed: true,
      setHeaders: (reply, path) => {
        // Hashed names change with their content: cache them for a year. Anything else: ask first.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({
        error: { code: 'ROUTE_NOT_FOUND', message: localeOf(req) === 'en' ? 'No such API route' : '接口不存在' },
      });
    }
    const shell = req.url.startsWith('/h5') ? 'h5/index.html' : 'index.html';
    if (!existsSync(join(WEB_DIST, shell))) {
      return reply.code(503).type('text/plain; charset=utf-8').send('Web UI not built: run `npm run build`.');
    }
    // The shells name the current hashed assets: a browser must check for a new one every time.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile(shell);
  });
  return app;
}

/** The path of the first string (or key) holding a NUL character, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = findNul(value[i], `${path}.${i}`);
      if (at) return at;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return path;
      const at = findNul(v, `${path}.${k}`);
      if (at) return at;
    }
  }
  return null;
}

export type { Locale };
