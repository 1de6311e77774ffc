/**
 * An audit entry's detail as lines a person reads: one line per field, a change shown as
 * before → after. The detail is whatever the use case recorded, so this is forgiving: a `from`
 * and a `to` side by side are one change, a field holding {from, to} / {before, after} is a change
 * of that field, a list reads as its items, amounts in fen read as yuan, anything else as text.
 */
export interface DetailLine {
  field: string;
  value?: string;
  before?: string;
  after?: string;
}

const EMPTY = '—';

/** A value as short text: lists joined, amounts in fen as yuan, objects as compact JSON. */
export function readable(value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number' && /Fen$/.test(field)) return (value / 100).toFixed(2);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => readable(v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const changeOf = (v: unknown): [unknown, unknown] | null => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && 'from' in o && 'to' in o) return [o.from, o.to];
  if (keys.length === 2 && 'before' in o && 'after' in o) return [o.before, o.after];
  return null;
};

/** The lines of a detail; an empty list when there is nothing to show. */
export function detailLines(detail: unknown): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ field: '', value: readable(detail) }];
  const o = detail as Record<string, unknown>;
  const lines: DetailLine[] = [];
  const moved = 'from' in o && 'to' in o;
  if (moved) lines.push({ field: 'status', before: readable(o.from), after: readable(o.to) });
  for (const [field, v] of Object.entries(o)) {
    if (moved && (field === 'from' || field === 'to')) continue;
    const change = changeOf(v);
    if (change) lines.push({ field, before: readable(change[0], field), after: readable(change[1], field) });
    else lines.push({ field, value: readable(v, field) });
  }
  return lines;
}
