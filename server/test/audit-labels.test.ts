import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/**
 * The audit log shows each action as words (auditAction.<action with _> in the web's texts), not as
 * its code. This test finds every action the server writes and fails when one has no words in
 * Chinese or English. Actions are found in the source: literals on an `action` line, constants
 * passed as the action, and the few built from a template or passed through a helper, listed below
 * with the file that must still hold them (so a new template or helper fails here until listed).
 */
const SERVER = new URL('../', import.meta.url).pathname;
const WEB = new URL('../../web/src/', import.meta.url).pathname;
type Texts = { [key: string]: string | Texts };

const files = (dir: string, name: RegExp): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'test' || f === 'node_modules' ? [] : files(path, name);
    return name.test(f) && !f.endsWith('.test.ts') && !f.includes('type-test') ? [path] : [];
  });

/** Actions whose code is built or passed on rather than written out where `audit` is called. */
const INDIRECT: Record<string, { file: string; holds: string; actions: string[] }> = {
  repairs: {
    file: 'modules/repairs/use-cases/order-access.ts',
    holds: 'action: `repairs.order.${event}`',
    actions: ['accepted', 'dispatched', 'started', 'finished', 'returned', 'priced', 'rated', 'answered', 'cancelled', 'escalated', 'auto_closed']
      .map((e) => `repairs.order.${e}`),
  },
  // Every transition of a rectification notice records itself through recordNoticeChange.
  supervisionNotices: {
    file: 'modules/supervision/use-cases/notice-access.ts',
    holds: 'action: `supervision.notice.${kind}`',
    actions: ['issued', 'responded', 'closed', 'reissued', 'escalated'].map((k) => `supervision.notice.${k}`),
  },
  deletions: {
    file: 'modules/registry/use-cases/request-deletion.ts',
    holds: 'action: `registry.${entity}.deleted`',
    actions: ['place', 'person', 'organisation', 'household', 'position'].map((e) => `registry.${e}.deleted`),
  },
  payouts: {
    file: 'kernel/payouts/payouts.ts',
    holds: 'action: `payouts.statement.${action}`',
    actions: ['generated', 'reviewed', 'approved', 'paid', 'closed', 'corrected', 'corrected_later'].map((e) => `payouts.statement.${e}`),
  },
  // Every stage change of a deliberation item goes through moveItem: stages 1–3 (items, the meetings' outcome, the
  // owners' vote settled) and 4–6 (execution, verdicts).
  deliberation: {
    file: 'modules/deliberation/use-cases/move-item.ts',
    holds: 'action: `deliberation.item.${step.kind}`',
    actions: [
      ...['listed', 'accepted', 'merged', 'merged_in', 'rejected', 'decided', 'deferred', 'referred_to_vote', 'vote_passed', 'vote_failed'],
      ...['rating_opened', 'verdict_stands', 'verdict_accepted', 'reopened', 'escalated'],
    ].map((k) => `deliberation.item.${k}`),
  },
  attachments: {
    file: 'modules/notices/use-cases/attachments.ts',
    holds: "'notices.attachment.added'",
    actions: ['notices.attachment.added', 'notices.attachment.removed'],
  },
};

function auditedActions(): Set<string> {
  const found = new Set<string>();
  const sources = files(SERVER, /\.ts$/).map((f) => ({ path: relative(SERVER, f), text: readFileSync(f, 'utf8') }));
  const all = sources.map((s) => s.text).join('\n');
  for (const { text } of sources) {
    for (const line of text.split('\n')) {
      if (!/\baction\b/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+){1,2})'/g)) found.add(m[1]!);
    }
    // A constant named as the action: `export const IMPORT_UPLOADED = 'registry.import.uploaded'` + `action: IMPORT_UPLOADED`.
    for (const m of text.matchAll(/const ([A-Z_]+) = '([a-z_]+(?:\.[a-z_]+){1,2})'/g)) {
      if (new RegExp(`action: ${m[1]}\\b`).test(all)) found.add(m[2]!);
    }
  }
  for (const { file, holds, actions } of Object.values(INDIRECT)) {
    const source = sources.find((s) => s.path === file);
    assert.ok(source?.text.includes(holds), `${file} no longer holds ${holds}: update INDIRECT in this test`);
    for (const a of actions) found.add(a);
  }
  // Every template action in the source must be one of those listed above.
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/action: (`[^`]*`)/g)) {
      assert.ok(Object.values(INDIRECT).some((i) => i.file === path && i.holds === `action: ${m[1]}`), `${path}: ${m[1]} is not listed in INDIRECT`);
    }
  }
  return found;
}

/** Every text file's auditAction, merged: the workbench's and each module's. */
function labels(lang: string): Texts {
  const out: Texts = {};
  for (const f of files(WEB, new RegExp(`^${lang}\\.json$`))) {
    if (!f.endsWith(`/i18n/${lang}.json`)) continue;
    const texts = JSON.parse(readFileSync(f, 'utf8')) as Texts;
    if (typeof texts.auditAction === 'object') Object.assign(out, texts.auditAction);
  }
  return out;
}

test('every action the server audits has words in Chinese and English', () => {
  const actions = auditedActions();
  // A floor, so that a scan that silently stops matching fails rather than passes.
  assert.ok(actions.size >= 80, `only ${actions.size} actions found: ${[...actions].join(', ')}`);
  for (const a of ['opinions.opinion.posted', 'repairs.order.started', 'registry.import.uploaded', 'notices.attachment.added', 'auth.login']) {
    assert.ok(actions.has(a), `${a} not found by the scan`);
  }
  for (const lang of ['zh-CN', 'en']) {
    const words = labels(lang);
    const missing = [...actions].filter((a) => typeof words[a.replaceAll('.', '_')] !== 'string').sort();
    assert.deepEqual(missing, [], `audit actions without ${lang} words`);
  }
});

test('the audit detail reads as lines, a change as before → after', async () => {
  const { detailLines } = await import('../../web/src/workbench/kernel/audit-detail.ts');
  assert.deepEqual(detailLines(null), []);
  // A status change recorded as from/to is one line, not two.
  assert.deepEqual(detailLines({ from: 'draft', to: 'reviewed', note: '核对无误' }), [
    { field: 'status', before: 'draft', after: 'reviewed' },
    { field: 'note', value: '核对无误' },
  ]);
  // A field holding its own change; a list; an amount in fen; a missing value.
  assert.deepEqual(detailLines({ name: { before: '翠湖苑', after: '翠湖苑一期' }, fields: ['name', 'address'], totalFen: 123456, reason: null }), [
    { field: 'name', before: '翠湖苑', after: '翠湖苑一期' },
    { field: 'fields', value: 'name、address' },
    { field: 'totalFen', value: '1234.56' },
    { field: 'reason', value: '—' },
  ]);
});
