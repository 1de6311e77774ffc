/**
 * Errors are values with a stable code, an HTTP status and a message in zh-CN and en.
 * Each module declares its own codes with `defineErrors`; the HTTP layer turns any AppError into
 * `{ error: { code, message, details? } }` in the caller's language.
 */
export type Locale = 'zh-CN' | 'en';

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: Record<Locale, string>;
  readonly details?: unknown;
  constructor(code: string, status: number, messages: Record<Locale, string>, details?: unknown) {
    super(messages.en);
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.details = details;
  }
  message_(locale: Locale): string {
    return this.messages[locale] ?? this.messages.en;
  }
}

type Spec = readonly [status: number, zh: string, en: string];
type Params = Record<string, string | number>;

const fill = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));

/** Declares error codes; returns one factory per code: `Errors.ROOM_NOT_FOUND({ id })`. */
export function defineErrors<const T extends Record<string, Spec>>(specs: T) {
  const out = {} as { [K in keyof T]: (params?: Params, details?: unknown) => AppError };
  for (const [code, [status, zh, en]] of Object.entries(specs)) {
    (out as Record<string, unknown>)[code] = (params: Params = {}, details?: unknown) =>
      new AppError(code, status, { 'zh-CN': fill(zh, params), en: fill(en, params) }, details);
  }
  return out;
}

/** Codes every module may raise. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: [400, '提交的数据不符合要求', 'The request data is invalid'],
  MALFORMED_JSON: [400, '请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  TEXT_NOT_STORABLE: [400, '提交的文字中含有无法保存的字符（NUL）', 'The text contains a character that cannot be stored (NUL)'],
  MALFORMED_MULTIPART: [400, '上传的表单数据不完整或格式错误', 'The uploaded form data is incomplete or malformed'],
  TOO_MANY_FILES: [400, '每次只能上传 {max} 个文件', 'Upload at most {max} file(s) at a time'],
  BAD_REQUEST: [400, '请求无效：{reason}', 'Bad request: {reason}'],
  MALFORMED_URL: [400, '网址格式错误（无效的百分号编码）', 'The address is malformed (invalid percent-encoding)'],
  URL_TOO_LONG: [414, '网址中的参数过长', 'A parameter of the address is too long'],
  UNAUTHENTICATED: [401, '请先登录', 'Please sign in'],
  SESSION_EXPIRED: [401, '登录已过期（长时间未操作或登录已满时限），请重新登录', 'Your session has expired (idle too long or past its lifetime); please sign in again'],
  CSRF_INVALID: [403, '安全校验失败，请刷新页面后重试', 'Security check failed; reload the page and try again'],
  FORBIDDEN: [403, '您没有权限执行此操作', 'You are not allowed to do this'],
  NOT_FOUND: [404, '未找到{what}', '{what} not found'],
  CONFLICT: [409, '与现有数据冲突：{reason}', 'Conflicts with existing data: {reason}'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容过大', 'The request is too large'],
  RATE_LIMITED: [429, '操作过于频繁，请稍后再试', 'Too many requests; try again later'],
  INTERNAL: [500, '服务器内部错误，请稍后再试', 'Internal server error; please try again later'],
});
