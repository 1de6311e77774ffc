import i18n from './i18n.ts';

/** What the server says when something goes wrong: `{error:{code,message,details?}}`, message already localised. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
  /** Field-level problems from a VALIDATION_FAILED answer, e.g. `{path:'body.room.area', message}`. */
  get issues(): { path: string; message: string }[] {
    const d = this.details as { issues?: { path: string; message: string }[] } | undefined;
    return Array.isArray(d?.issues) ? d.issues : [];
  }
}

export const isUnauthenticated = (err: unknown) => err instanceof ApiError && err.status === 401;

/** Lists answer `{items,total,page,pageSize}`; a sortable list says its order too (the one asked for, or its default). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Sensitive changes answer 202 with an approval request for a second approver. */
export interface PendingApproval {
  approvalId: string;
  status: 'pending';
}
export const isPendingApproval = (value: unknown): value is PendingApproval =>
  typeof value === 'object' && value !== null && (value as { status?: unknown }).status === 'pending';

// The session cookie is httpOnly; the CSRF token travels in JS memory only and is echoed on every write.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-gz-lang': i18n.language === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('NETWORK', 0, i18n.t('error.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy or gateway page instead of our JSON: keep the status, say it plainly.
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      e?.code ?? `HTTP_${res.status}`,
      res.status,
      e?.message ?? i18n.t('error.server', { status: res.status }),
      e?.details,
    );
  }
  return data as T;
}

export const apiGet = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
export const apiPost = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const apiPatch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const apiPut = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const apiDelete = <T>(path: string, body: unknown) => request<T>('DELETE', path, body);

/** Uploads a multipart form (files and fields); answers and errors as every other call. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-gz-lang': i18n.language === 'en' ? 'en' : 'zh-CN' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', 0, i18n.t('error.network'));
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!res.ok) {
    throw new ApiError(data?.error?.code ?? `HTTP_${res.status}`, res.status, data?.error?.message ?? i18n.t('error.server', { status: res.status }), data?.error?.details);
  }
  return data as T;
}

/** Converts API JSON types: a server `Date` arrives as an ISO string. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;
