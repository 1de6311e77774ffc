import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DemoStreetFixture } from '../demo/demo-street.fixture.ts';
import type { Kernel } from '../kernel/context.ts';
import { scanForPersonalData } from '../kernel/public/public-scan.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every phone or ID number any audit entry holds, as `#seq action path: kind match`. */
export async function findingsIn(kernel: Kernel) {
  const rows = await kernel.db.selectFrom('audit_log').select(['seq', 'action', 'actor_name', 'subject_type', 'subject_id', 'detail']).execute();
  assert.ok(rows.length > 0, 'the log has entries to scan');
  // Ids are UUIDs, whose hex groups can read as a dashed phone number ("161-7702-8553"): taken out first.
  const withoutIds = (v: unknown) => JSON.parse(JSON.stringify(v).replace(UUID, '<id>')) as unknown;
  const findings = rows.flatMap((r) =>
    scanForPersonalData(withoutIds({ actor_name: r.actor_name, subject_id: r.subject_id, detail: r.detail }))
      .filter((f) => f.kind === 'phone' || f.kind === 'id_number')
      .map((f) => `#${r.seq} ${r.action} ${f.path}: ${f.kind} ${f.match}`),
  );
  return { rows: rows.length, findings };
}

/** No audit entry of the demo street, seeded through every module, holds a phone or an ID number. */
export function auditNoPiiOnDemo(street: DemoStreetFixture) {
  describe('no audit entry holds a phone or an ID number: the demo street, seeded through every module', () => {
    test('every entry of the seeded log', async () => {
      const { rows, findings } = await findingsIn(street.env.kernel);
      assert.ok(rows > 50, `only ${rows} entries`);
      assert.deepEqual(findings, []);
    });
  });
}
