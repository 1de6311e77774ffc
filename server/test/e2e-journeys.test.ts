import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const E2E = new URL('../../e2e/', import.meta.url).pathname;

// A journey that imports Playwright's own `test` would pass with errors in the console: the watch
// for page and console errors lives in e2e/fixtures.ts.
test('every e2e journey takes `test` from e2e/fixtures.ts, which fails it on any page or console error', () => {
  const specs = readdirSync(E2E).filter((f) => f.endsWith('.spec.ts'));
  assert.ok(specs.length >= 8);
  for (const spec of specs) {
    const source = readFileSync(`${E2E}${spec}`, 'utf8');
    assert.match(source, /import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures\.ts'/, spec);
    assert.doesNotMatch(source, /import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/, spec);
  }
});
