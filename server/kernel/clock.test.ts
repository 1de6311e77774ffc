import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDay } from './clock.ts';

test('chinaDay: the calendar day in China (UTC+8), exactly at midnight there', () => {
  assert.equal(chinaDay(new Date('2026-11-30T15:59:59.999Z')), '2026-11-30');
  assert.equal(chinaDay(new Date('2026-11-30T16:00:00.000Z')), '2026-12-01');
  assert.equal(chinaDay(new Date('2026-12-31T16:00:00.000Z')), '2027-01-01');
  // The same answer as the time-zone database gives, over a year of instants.
  const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000 * 7 + 59_000) {
    assert.equal(chinaDay(new Date(t)), tz.format(new Date(t)));
  }
});
