import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/**
 * The web's texts are split so that each shell loads only its own (web/src/i18n: both shells;
 * workbench/i18n and resident/i18n: one shell each; modules/<m>/i18n: a module's). These tests keep
 * the split honest: Chinese and English have the same keys, and every key a shell's code asks for is
 * in the texts that shell loads.
 */
const WEB = new URL('../../web/src/', import.meta.url).pathname;
type Texts = { [key: string]: string | Texts };

const readTexts = (dir: string, lang: string): Texts => JSON.parse(readFileSync(join(WEB, dir, 'i18n', `${lang}.json`), 'utf8')) as Texts;
const leaves = (t: Texts, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
const has = (t: Texts, key: string, asPrefix: boolean) => {
  let node: string | Texts | undefined = t;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return asPrefix ? typeof node === 'object' : typeof node === 'string' || (typeof node === 'object' && !!node);
};
const merge = (...all: Texts[]): Texts => {
  const out: Texts = {};
  for (const t of all) for (const [k, v] of Object.entries(t)) out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Texts, v) : v;
  return out;
};
const files = (dir: string, name = /\.tsx?$/): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path, name) : name.test(f) ? [path] : [];
  });

/** Every directory with an i18n/zh-CN.json: '.', 'workbench', 'resident', 'modules/notices', 'modules/registry/import' … */
const TEXT_DIRS = files(WEB, /^zh-CN\.json$/)
  .filter((f) => f.endsWith('/i18n/zh-CN.json'))
  .map((f) => relative(WEB, f).replace(/\/?i18n\/zh-CN\.json$/, '') || '.');

test('every text file has the same keys in Chinese and English', () => {
  for (const dir of TEXT_DIRS) {
    assert.deepEqual(leaves(readTexts(dir, 'en')).sort(), leaves(readTexts(dir, 'zh-CN')).sort(), `${dir}/i18n`);
  }
});

test('every key a shell asks for is in the texts that shell loads', () => {
  const modules = TEXT_DIRS.filter((d) => d.startsWith('modules/')).map((d) => readTexts(d, 'zh-CN'));
  assert.ok(TEXT_DIRS.includes('workbench') && TEXT_DIRS.includes('resident') && modules.length >= 5, TEXT_DIRS.join(', '));
  const shells = {
    resident: { texts: merge(readTexts('.', 'zh-CN'), readTexts('resident', 'zh-CN'), ...modules), code: /\/(resident|h5)\/|\/resident\.tsx$|\/shared\// },
    workbench: { texts: merge(readTexts('.', 'zh-CN'), readTexts('workbench', 'zh-CN'), ...modules), code: /\/(workbench|pages|components|import)\/|\/workbench\.tsx$|\/shared\// },
  };
  let checked = 0;
  for (const file of files(WEB)) {
    const source = readFileSync(file, 'utf8');
    for (const [shell, { texts, code }] of Object.entries(shells)) {
      if (!code.test(file)) continue;
      for (const m of source.matchAll(/\bt\((['`])([a-zA-Z][\w.]*)(\$\{)?/g)) {
        const key = m[3] ? m[2]!.replace(/\.$/, '') : m[2]!;
        assert.ok(has(texts, key, !!m[3]), `${relative(WEB, file)} asks for "${key}${m[3] ? '.…' : ''}", which the ${shell} shell does not load`);
        checked++;
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} keys found: the pattern no longer matches the code`);
});
