/**
 * Type-level rules, held by `npm run check` (tsc), not run: each `@ts-expect-error` below must stay an
 * error, or tsc fails with "unused '@ts-expect-error' directive". A module sees the kernel's tables and
 * its own (kernel/module-database.ts); the view `places` is read-only (kernel/db/tables.ts).
 */
import type { Kernel } from '../kernel/context.ts';
import { read as repairsRead } from '../modules/repairs/repairs.db.ts';
import { read as registryRead } from '../modules/registry/registry.db.ts';

export function moduleViews(kernel: Kernel) {
  const repairs = repairsRead(kernel);
  const registry = registryRead(kernel);
  // A module's own tables and the kernel's type-check …
  void repairs.selectFrom('rep_orders').select('id');
  void repairs.selectFrom('places').select('path');
  void registry.selectFrom('reg_persons').select('name');
  // … another module's do not.
  // @ts-expect-error the repairs module cannot name the registry's table
  void repairs.selectFrom('reg_persons').select('name');
  // @ts-expect-error the registry cannot name the repairs module's table
  void registry.selectFrom('rep_orders').select('id');
  // @ts-expect-error the kernel's own view sees no module's table
  void kernel.db.selectFrom('rep_orders').select('id');
  // @ts-expect-error the view `places` takes no writes: insert into regions or street_places (kernel/access/places.ts)
  void kernel.db.updateTable('places').set({ name: 'x' });
}
