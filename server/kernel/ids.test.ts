import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId, UUID_RE } from './ids.ts';
import { pooledRandomBytes } from './random.ts';

test('IDs are UUIDv7, unique, and in creation order even within one millisecond', () => {
  const ids = Array.from({ length: 50_000 }, newId);
  assert.ok(ids.every((id) => UUID_RE.test(id) && id[14] === '7' && '89ab'.includes(id[19]!)));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
});

test('pooled random bytes are fresh on every call, across pool refills', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5_000; i++) seen.add(pooledRandomBytes(12).toString('hex'));
  assert.equal(seen.size, 5_000);
  const kept = pooledRandomBytes(16);
  const copy = Buffer.from(kept);
  for (let i = 0; i < 3_000; i++) pooledRandomBytes(12);
  assert.deepEqual(kept, copy, 'a refill never rewrites bytes already handed out');
});
