import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newId } from '../kernel/ids.ts';
import { purgeExpired } from '../kernel/privacy/retention.ts';
import { read as activationDb } from '../modules/activation/activation.db.ts';
import { purgeOtps } from '../modules/activation/use-cases/purge-otps.ts';
import { useWorld } from './fixture.ts';

const DAY = 86_400_000;
const DAYS = { sessions: 10, signIn: 20, otp: 3, notify: 30 };

/**
 * The retention jobs delete exactly what is older than the setting: a record one millisecond past the
 * cutoff goes, one exactly at it stays (and a newer one, of course). Notifications still waiting to be
 * sent stay, and so does their batch.
 */
describe('retention (GZ_RETENTION_DAYS_*)', () => {
  const { env, w } = useWorld({ retention: DAYS });

  test('sessions, sign-in bookkeeping, notifications and SMS codes older than their setting are deleted, nothing else', async () => {
    const db = env.kernel.db;
    const now = env.clock.now().getTime();
    // For each kind: past the cutoff by 1 ms (goes), at the cutoff (stays), a day ago (stays).
    const ages = (days: number) => ({ old: new Date(now - days * DAY - 1), edge: new Date(now - days * DAY), fresh: new Date(now - DAY) });
    const account = w.accounts.resident;

    const s = ages(DAYS.sessions);
    for (const [k, t] of Object.entries(s)) {
      await db.insertInto('sessions').values({ token_hash: `tok-${k}`, account_id: account, csrf_token: 'x', created_at: t, last_seen_at: t }).execute();
    }
    const a = ages(DAYS.signIn);
    for (const [k, t] of Object.entries(a)) {
      await db.insertInto('auth_failures').values({ identifier_hash: `id-${k}`, client_hash: 'c', at: t }).execute();
      await db.insertInto('auth_known_clients').values({ identifier_hash: `id-${k}`, client_hash: 'c', last_success_at: t }).execute();
    }
    const n = ages(DAYS.notify);
    const batches: Record<string, string> = {};
    const messages: Record<string, string> = {};
    const street = (await db.selectFrom('places').select('street_id').where('id', '=', w.places.A).executeTakeFirstOrThrow()).street_id!;
    for (const [k, t] of [...Object.entries(n), ['oldQueued', n.old] as const]) {
      batches[k] = newId();
      messages[k] = newId();
      await db
        .insertInto('notify_batches')
        .values({ street_id: street, id: batches[k], template: 'kernel.test', data: JSON.stringify({ name: '王丽' }), place_id: w.places.A, subject_type: null, subject_id: null, urgent: false, channels: ['inbox'], created_by: null, created_at: t })
        .execute();
      await db
        .insertInto('notify_messages')
        .values({ street_id: street, id: messages[k], batch_id: batches[k], account_id: account, channel: 'inbox', status: k === 'oldQueued' ? 'queued' : 'sent', next_attempt_at: t })
        .execute();
    }
    const o = ages(DAYS.otp);
    const otps: Record<string, string> = {};
    for (const [k, t] of Object.entries(o)) {
      otps[k] = newId();
      await activationDb(env.kernel).insertInto('act_otps').values({ id: otps[k], phone_hash: `ph-${k}`, purpose: 'signup', code_hash: 'h', created_at: t, expires_at: new Date(t.getTime() + 300_000) }).execute();
    }

    const counts = await purgeExpired(env.kernel);
    assert.deepEqual(counts, { sessions: 1, authFailures: 1, knownClients: 1, messages: 1, batches: 1 });
    assert.deepEqual(await purgeOtps(env.kernel), { deleted: 1 });

    const tokens = (await db.selectFrom('sessions').select('token_hash').where('token_hash', 'like', 'tok-%').execute()).map((r) => r.token_hash).sort();
    assert.deepEqual(tokens, ['tok-edge', 'tok-fresh']);
    const failures = (await db.selectFrom('auth_failures').select('identifier_hash').execute()).map((r) => r.identifier_hash).sort();
    assert.deepEqual(failures, ['id-edge', 'id-fresh']);
    const known = (await db.selectFrom('auth_known_clients').select('identifier_hash').execute()).map((r) => r.identifier_hash).sort();
    assert.deepEqual(known, ['id-edge', 'id-fresh']);
    const leftBatches = new Set((await db.selectFrom('notify_batches').select('id').execute()).map((r) => r.id));
    assert.deepEqual(Object.keys(batches).filter((k) => leftBatches.has(batches[k])).sort(), ['edge', 'fresh', 'oldQueued']);
    const leftMessages = new Set((await db.selectFrom('notify_messages').select('id').execute()).map((r) => r.id));
    assert.deepEqual(Object.keys(messages).filter((k) => leftMessages.has(messages[k])).sort(), ['edge', 'fresh', 'oldQueued']);
    const leftOtps = new Set((await activationDb(env.kernel).selectFrom('act_otps').select('id').execute()).map((r) => r.id));
    assert.deepEqual(Object.keys(otps).filter((k) => leftOtps.has(otps[k])).sort(), ['edge', 'fresh']);

    // Audited as the system, with counts only; a second run finds nothing and writes nothing.
    const entries = await db.selectFrom('audit_log').select(['action', 'actor_name', 'detail']).where('action', 'in', ['kernel.retention.purged', 'activation.otps_purged']).execute();
    assert.deepEqual(entries.map((e) => [e.action, e.actor_name]), [['kernel.retention.purged', 'system'], ['activation.otps_purged', 'system']]);
    assert.deepEqual(await purgeExpired(env.kernel), { sessions: 0, authFailures: 0, knownClients: 0, messages: 0, batches: 0 });
    assert.equal((await db.selectFrom('audit_log').select('seq').where('action', '=', 'kernel.retention.purged').execute()).length, 1);

    // A day later, what was at the edge is past it.
    env.clock.advance(1);
    assert.equal((await purgeExpired(env.kernel)).sessions, 1);
  });
});
