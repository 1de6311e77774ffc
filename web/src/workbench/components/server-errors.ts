import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api.ts';

/** Which form field a server error code is about, e.g. `{ NAME_TAKEN: 'name' }`. */
export type FieldForCode = Record<string, string | string[]>;

/**
 * Puts the server's own messages next to the fields they concern: zod issues by their path
 * (`body.room.area` → `room.area`) and coded errors through `fieldForCode`. Returns what could not
 * be placed on a field, for a banner above the form.
 */
export function showServerErrors(form: FormInstance, err: unknown, fieldForCode: FieldForCode = {}): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const known = new Set(
    Object.keys(form.getFieldsValue(true) ?? {}).concat(Object.values(fieldForCode).map((f) => (Array.isArray(f) ? f[0]! : f))),
  );
  const placed: { name: string[]; errors: string[] }[] = [];
  for (const issue of err.issues) {
    const name = issue.path.split('.').filter((p) => p !== 'body');
    if (name.length && known.has(name[0]!)) placed.push({ name, errors: [issue.message] });
  }
  const field = fieldForCode[err.code];
  if (field) placed.push({ name: Array.isArray(field) ? field : [field], errors: [err.message] });
  if (placed.length) form.setFields(placed);
  // A coded error on a field says it all; a validation failure may still have unplaced issues.
  if (field) return null;
  const unplaced = err.issues.length - placed.length;
  return placed.length && unplaced === 0 ? null : err.message;
}
