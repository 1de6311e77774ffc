import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/**
 * The resident shell's router has the basename '/h5' (web/src/resident/App.tsx): a path given to the router
 * (`navigate`, `<Link to>`, BackTitle's `fallback`) must not start with '/h5' again, or it leads to /h5/h5/… and
 * 页面不存在. (A raw URL for `window.open` or `href` is outside the router and keeps its '/h5'.)
 */
const WEB = new URL('../../web/src/', import.meta.url).pathname;
const ROUTER_PATH = /(?:navigate\(\s*|\bto=\{?\s*|fallback=\{?\s*)[`'"]\/h5\//g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

test("no path handed to the resident router repeats its '/h5' basename", () => {
  const residentCode = files(WEB).filter((f) => /\/(h5|resident)\//.test(f) || /resident(-entries)?\.tsx$/.test(f));
  assert.ok(residentCode.length > 20, 'the scan finds the resident pages');
  const found = residentCode.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(ROUTER_PATH)].map((m) => `${relative(WEB, f)}: ${m[0]}`));
  assert.deepEqual(found, []);
});

test('the scan finds each form it is for', () => {
  for (const line of ['navigate(`/h5/fees/x`)', "navigate('/h5/x')", '<Link to="/h5/x">', '<BackTitle fallback="/h5/fees">']) {
    assert.ok(new RegExp(ROUTER_PATH.source).test(line), line);
  }
  for (const line of ["window.open(`/h5/p/fees.receipt/1`, '_blank')", 'navigate(`/fees/x`)', 'href="/h5/x"']) {
    assert.ok(!new RegExp(ROUTER_PATH.source).test(line), line);
  }
});
