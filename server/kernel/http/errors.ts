import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, CommonErrors, type Locale } from '../errors.ts';

/** The caller's language: explicit header or cookie first, then the signed-in account, then Accept-Language. */
export function localeOf(req: FastifyRequest): Locale {
  const explicit = (req.headers['x-gz-lang'] as string | undefined) ?? req.cookies?.gz_lang;
  if (explicit) return explicit.startsWith('en') ? 'en' : 'zh-CN';
  if (req.actor) return req.actor.locale;
  const accept = req.headers['accept-language'] ?? '';
  return accept.startsWith('en') ? 'en' : 'zh-CN';
}

// PostgreSQL errors that mean "your input collides with the data", never "the server broke".
const PG_CODES: Record<string, () => AppError> = {
  '23505': () => CommonErrors.CONFLICT({ reason: 'duplicate' }),
  '23503': () => CommonErrors.CONFLICT({ reason: 'referenced record missing or still in use' }),
  '23514': () => CommonErrors.VALIDATION_FAILED(),
  '22P02': () => CommonErrors.VALIDATION_FAILED(),
  '22001': () => CommonErrors.VALIDATION_FAILED(),
  '22003': () => CommonErrors.VALIDATION_FAILED(),
  '22007': () => CommonErrors.VALIDATION_FAILED(),
  '22008': () => CommonErrors.VALIDATION_FAILED(),
};

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

/** A field message in the caller's language: zod's own wording for built-in checks, ours for custom ones. */
function issueMessage(v: { keyword: string; message?: string; params?: Record<string, unknown> }, locale: Locale): string {
  if (v.keyword === 'custom' || !v.params) return v.message ?? '';
  // The received value is not carried into the issue, so say only what was expected.
  if (v.keyword === 'invalid_type') {
    const expected = String(v.params.expected);
    return locale === 'en' ? `Expected ${expected}` : `应为 ${expected} 类型`;
  }
  const out = ZOD_LOCALES[locale].localeError({ code: v.keyword, ...v.params } as never);
  return (typeof out === 'string' ? out : out?.message) ?? v.message ?? '';
}

/** Maps anything thrown to `{ error: { code, message } }`: 4xx for bad input, 500 without a stack for bugs. */
export function toAppError(err: unknown, locale: Locale = 'zh-CN'): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { code?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = (e.validation ?? []).map((v) => ({
      path: [(e as { validationContext?: string }).validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: issueMessage(v as never, locale),
    }));
    return CommonErrors.VALIDATION_FAILED({}, { issues });
  }
  if (typeof e.code === 'string' && PG_CODES[e.code]) return PG_CODES[e.code]!();
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e instanceof SyntaxError && e.statusCode === 400)) {
    return CommonErrors.MALFORMED_JSON();
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) return CommonErrors.PAYLOAD_TOO_LARGE();
  // The router's own refusals (frameworkErrors in server.ts): a path it cannot decode, a parameter too long.
  if (e.code === 'FST_ERR_BAD_URL') return CommonErrors.MALFORMED_URL();
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH') return CommonErrors.URL_TOO_LONG();
  if (e.statusCode === 429) return CommonErrors.RATE_LIMITED();
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 415, { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return CommonErrors.BAD_REQUEST({ reason: e.message });
  }
  return CommonErrors.INTERNAL();
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(err, localeOf(req));
  if (app.status >= 500) req.log.error({ err }, 'unhandled error');
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: app.code, message: app.message_(localeOf(req)) },
  };
  if (app.details !== undefined) body.error.details = app.details;
  const retryAfter = (app.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(app.status).send(body);
}
