import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { RegistryPolicy } from '../registry.policy.ts';
import { PersonsQuery, RoomsQuery } from '../registry.schemas.ts';
import { listPersons } from './list-persons.ts';
import { listRooms } from './list-rooms.ts';

/** The workbench home: the rooms and people of my places (the lists' totals). */
export async function registryStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, RegistryPolicy.readRooms)) return {};
  const [rooms, persons] = await Promise.all([
    listRooms(ctx, RoomsQuery.parse({ pageSize: 1 })),
    listPersons(ctx, PersonsQuery.parse({ pageSize: 1 })),
  ]);
  return {
    figures: [
      { key: 'rooms', value: rooms.total, link: '/registry/places' },
      { key: 'persons', value: persons.total, link: '/registry/persons' },
    ],
  };
}
