import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Kernel } from '../context.ts';
import { remember } from '../db/read-cache.ts';
import { defineErrors, type Locale } from '../errors.ts';
import { localeOf } from '../http/errors.ts';
import type { App } from '../module.ts';
import type { PublicPageAnswer } from './payload.ts';
import { qrPng } from '../pdf/document.ts';
import { renderPublicPdf } from './public-pdf.ts';
import { DEFAULT_CACHE_SECONDS, loadPublicPage, PUBLIC_RATE_LIMIT, type PublicPage, publicLinks, publicPage } from './public-pages.ts';

export const PublicPageErrors = defineErrors({
  PUBLIC_PAGE_NOT_FOUND: [404, '未找到该公示页面（可能已撤下或已过期）', 'No such public page (it may have been withdrawn or have expired)'],
});

const Key = z.string().min(1).max(100);
const KeyParams = z.object({ key: Key });
const KeyIdParams = z.object({ key: Key, id: z.uuid() });
const Lang = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

/** `filename*=` for non-ASCII names, with a plain ASCII fallback. */
const disposition = (name: string) => `inline; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The public pages' routes (public-pages.ts): JSON, PDF and QR code of every declared page, for
 * anyone, without a session or CSRF (GET only). Each answer may be kept by browsers and proxies for the
 * page's `cacheSeconds` (`Cache-Control: public`, an ETag), and one client address may ask
 * PUBLIC_RATE_LIMIT times a minute per kind of answer.
 */
export function publicPageRoutes(app: App, kernel: Kernel) {
  const serialised = new WeakMap<object, { body: string; etag: string }>();
  const tags = ['public'];
  const config = { public: true, cacheable: true, rateLimit: PUBLIC_RATE_LIMIT };

  /** The declared page at `key` that takes (or takes no) id, or 404. */
  const pageAt = (key: string, id: string | null): PublicPage => {
    const page = publicPage(key);
    if (!page || (page.param === 'id') !== (id !== null)) throw PublicPageErrors.PUBLIC_PAGE_NOT_FOUND();
    return page;
  };
  const localeFor = (req: FastifyRequest<{ Querystring: { lang?: Locale } }>) => req.query.lang ?? localeOf(req);

  /** The payload, or 404; with the caching headers every answer about it carries. */
  const payloadFor = async (req: FastifyRequest<{ Querystring: { lang?: Locale } }>, reply: FastifyReply, key: string, id: string | null) => {
    const page = pageAt(key, id);
    const locale = localeFor(req);
    const payload = await loadPublicPage(kernel, page, id, locale);
    if (!payload) throw PublicPageErrors.PUBLIC_PAGE_NOT_FOUND();
    const seconds = page.cacheSeconds ?? DEFAULT_CACHE_SECONDS;
    // The language comes from the query, a header or a cookie: caches must keep one copy per language.
    reply.header('cache-control', `public, max-age=${seconds}`).header('vary', 'accept-language, x-gz-lang, cookie');
    return { page, payload, locale, seconds, links: publicLinks(key, id) };
  };

  const json = async (req: FastifyRequest<{ Querystring: { lang?: Locale } }>, reply: FastifyReply, key: string, id: string | null) => {
    const { payload, links } = await payloadFor(req, reply, key, id);
    // A remembered payload is the same object for its lifetime: serialise and hash it once, not per request
    // (a busy lobby board is a large answer asked for by many phones at once).
    let wire = serialised.get(payload);
    if (!wire) {
      const answer: PublicPageAnswer = { ...payload, key, links };
      const body = JSON.stringify(answer);
      wire = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      serialised.set(payload, wire);
    }
    const { body, etag } = wire;
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  };

  const pdf = async (req: FastifyRequest<{ Querystring: { lang?: Locale } }>, reply: FastifyReply, key: string, id: string | null) => {
    const { payload, locale, seconds, links } = await payloadFor(req, reply, key, id);
    const liveUrl = `${req.protocol}://${req.host}${links.page}`;
    // Printing is the costly part: the PDF is remembered with its payload (same key, same lifetime).
    const file = await remember(
      kernel.db,
      `public-pdf\u0000${key}\u0000${id ?? ''}\u0000${locale}\u0000${liveUrl}`,
      () => renderPublicPdf(payload, { locale, liveUrl, now: kernel.clock.now() }),
      seconds * 1000,
    );
    return reply.type('application/pdf').header('content-disposition', disposition(`${payload.title}.pdf`)).send(file);
  };

  const qr = async (req: FastifyRequest<{ Querystring: { lang?: Locale } }>, reply: FastifyReply, key: string, id: string | null) => {
    const { links, seconds } = await payloadFor(req, reply, key, id);
    const png = await remember(kernel.db, `public-qr\u0000${req.protocol}://${req.host}${links.page}`, () => qrPng(`${req.protocol}://${req.host}${links.page}`), seconds * 1000);
    return reply.type('image/png').send(png);
  };

  const one = { tags, querystring: Lang, params: KeyParams };
  const each = { tags, querystring: Lang, params: KeyIdParams };
  app.get('/api/public/:key', { config, schema: { ...one, summary: 'A public page (no sign-in): its sections as JSON' } }, (req, reply) =>
    json(req, reply, req.params.key, null),
  );
  app.get('/api/public/:key/print.pdf', { config, schema: { ...one, summary: 'A public page printed (A4 PDF with a QR code to the live page)' } }, (req, reply) =>
    pdf(req, reply, req.params.key, null),
  );
  app.get('/api/public/:key/qr.png', { config, schema: { ...one, summary: "A public page's QR code (PNG)" } }, (req, reply) => qr(req, reply, req.params.key, null));
  app.get('/api/public/:key/:id', { config, schema: { ...each, summary: 'A public page of one record or place (no sign-in): JSON' } }, (req, reply) =>
    json(req, reply, req.params.key, req.params.id),
  );
  app.get('/api/public/:key/:id/print.pdf', { config, schema: { ...each, summary: 'A public page of one record or place, printed (PDF)' } }, (req, reply) =>
    pdf(req, reply, req.params.key, req.params.id),
  );
  app.get('/api/public/:key/:id/qr.png', { config, schema: { ...each, summary: "A public page of one record or place: its QR code (PNG)" } }, (req, reply) =>
    qr(req, reply, req.params.key, req.params.id),
  );
}
