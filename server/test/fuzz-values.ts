import { randomUUID } from 'node:crypto';

/**
 * What the fuzz test (fuzz.test.ts) sends: a valid value for a field from its JSON schema (as the
 * OpenAPI document gives it), and the hostile values that replace one field at a time.
 */

/** A JSON schema as @fastify/swagger writes it from zod; only what the fuzz reads. */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown) => typeof v === 'string' && UUID.test(v);

/** Values by field name where the schema alone cannot say what is valid (a phone, a month, an id that exists). */
export type Known = Record<string, () => unknown>;

/**
 * A valid value for `schema`: `known[name]` first, then the schema's enum, format, bounds and
 * pattern (the simple ones the API uses). Objects carry their required properties only: an optional
 * field is fuzzed by adding it, so that the baseline stays valid (some optional fields exclude each other).
 */
export function validValue(schema: Schema, name: string, known: Known): unknown {
  if (known[name]) return known[name]!();
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return validValue(alt.find((s) => s.type !== 'null') ?? alt[0]!, name, known);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-11-22';
      if (schema.format === 'date-time') return '2026-11-22T09:00:00+08:00';
      if (schema.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return '2026-10';
      const min = Math.max(schema.minLength ?? 1, 1);
      return '测试'.repeat(Math.ceil(min / 2)).slice(0, Math.max(min, Math.min(schema.maxLength ?? 2, 2)));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => validValue(schema.items ?? {}, name, known)) : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const r of schema.required ?? []) out[r] = validValue(schema.properties?.[r] ?? {}, r, known);
      return out;
    }
    default:
      return 'x';
  }
}

/** The fields of an object schema to replace one at a time: its properties, and those of its nested objects. */
export function fieldPaths(schema: Schema | undefined, prefix: string[] = []): { path: string[]; schema: Schema }[] {
  const out: { path: string[]; schema: Schema }[] = [];
  for (const [k, s] of Object.entries(schema?.properties ?? {})) {
    out.push({ path: [...prefix, k], schema: s });
    if (s.type === 'object' && s.properties) out.push(...fieldPaths(s, [...prefix, k]));
  }
  return out;
}

export const ONE_MB = 'x'.repeat(1024 * 1024);
const isNumeric = (s: Schema) => [s.type].flat().some((t) => t === 'integer' || t === 'number');
const deep = (n: number): unknown => (n === 0 ? 'x' : [deep(n - 1)]);
const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * The hostile values for a JSON body field, each with a label. `undefined` leaves the field out.
 * The bounds of the field's own schema come first (one past each end, and each end: a number at its
 * maximum is valid and may be stored); then what no field should choke on.
 */
export function bodyValues(schema: Schema, heavy: boolean): [string, unknown][] {
  const values: [string, unknown][] = [];
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  if (s.minimum !== undefined) values.push(['minimum − 1', s.minimum - 1], ['minimum', s.minimum]);
  if (s.maximum !== undefined) values.push(['maximum', s.maximum], ['maximum + 1', s.maximum + 1]);
  if (s.maxLength !== undefined) values.push(['one char too long', 'y'.repeat(s.maxLength + 1)]);
  if (s.maxItems !== undefined) values.push(['one item too many', Array.from({ length: s.maxItems + 1 }, () => 'x')]);
  values.push(
    ['absent', undefined],
    ['NUL', 'a\u0000b'],
    ['lone surrogate', '\ud800x\udfff'],
    ['empty string', ''],
    ['blank', '   '],
    ['zero', 0],
    ['negative', -1],
    ['true', true],
    ['null', null],
    ['nested object', { a: { b: ['c', { d: null }] }, __proto__x: 1 }],
    ['array', ['x', ['y'], { z: 1 }]],
    ['empty array', []],
    ['empty object', {}],
    ['deep nesting', deep(200)],
    ['malformed id', 'not-a-uuid'],
    ['nil uuid', NIL],
    ['uuid with a tail', `${randomUUID()}'--`],
    ['unknown uuid', randomUUID()],
    ['SQL', "' or 1=1; drop table audit_log; --"],
  );
  // The numbers that break arithmetic and columns, where a number is taken; elsewhere 0 and -1 show the wrong type.
  if (isNumeric(s)) values.push(['fraction', 1.5], ['2^31', 2 ** 31], ['past 2^53', 2 ** 53 + 2], ['1e308', 1e308], ['-1e308', -1e308]);
  if (s.format === 'date' || s.format === 'date-time') values.push(['year 9999', '9999-12-31'], ['31 February', '2026-02-31'], ['year 0', '0000-01-01']);
  if (heavy) values.push(['1 MB string', ONE_MB]);
  return values;
}

/** The hostile values for a query or path parameter: text as it is written in a URL (already encoded). */
export function urlValues(schema: Schema, heavy: boolean): [string, string | string[]][] {
  const values: [string, string | string[]][] = [
    ['NUL', 'a%00b'],
    ['lone surrogate (invalid UTF-8)', '%ED%A0%80'],
    ['broken percent-encoding', '%E4%B8'],
    ['bare percent', '%'],
    ['empty', ''],
    ['zero', '0'],
    ['negative', '-1'],
    ['huge number', '99999999999999999999999'],
    ['true', 'true'],
    ['null', 'null'],
    ['object-looking', '%7B%22a%22%3A1%7D'],
    ['malformed id', 'not-a-uuid'],
    ['nil uuid', NIL],
    ['uuid with a tail', `${randomUUID()}'--`],
    ['unknown uuid', randomUUID()],
    ['dot-dot', '..%2F..%2Fetc%2Fpasswd'],
    ['SQL', encodeURIComponent("' or 1=1; --")],
    ['repeated (an array)', ['a', 'b']],
  ];
  if (isNumeric(schema)) values.push(['fraction', '1.5'], ['2^31', String(2 ** 31)], ['1e308', '1e308'], ['NaN', 'NaN'], ['Infinity', 'Infinity']);
  if (schema.minimum !== undefined) values.push(['minimum − 1', String(schema.minimum - 1)]);
  if (schema.maximum !== undefined) values.push(['maximum + 1', String(schema.maximum + 1)]);
  if (schema.maxLength !== undefined) values.push(['one char too long', 'y'.repeat(schema.maxLength + 1)]);
  if (heavy) values.push(['1 MB string', ONE_MB]);
  return values;
}

/** The hostile values for a multipart text field: text only, as a form sends it. */
export function formValues(heavy: boolean): [string, string | undefined][] {
  const values: [string, string | undefined][] = [
    ['absent', undefined],
    ['NUL', 'a\u0000b'],
    ['lone surrogate', '\ud800x'],
    ['empty', ''],
    ['negative', '-1'],
    ['huge number', '99999999999999999999999'],
    ['true', 'true'],
    ['JSON object', '{"a":{"b":[1]}}'],
    ['JSON array', '["x",["y"]]'],
    ['malformed id', 'not-a-uuid'],
    ['nil uuid', NIL],
    ['unknown uuid', randomUUID()],
  ];
  if (heavy) values.push(['1 MB string', ONE_MB]);
  return values;
}
