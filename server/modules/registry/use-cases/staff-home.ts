import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { RegistryPolicy } from '../registry.policy.ts';
import { CorrectionsQuery, PersonsQuery, RoomsQuery } from '../registry.schemas.ts';
import { listCorrections } from './list-corrections.ts';
import { listPersons } from './list-persons.ts';
import { listRooms } from './list-rooms.ts';

/**
 * The workbench home: residents' correction requests waiting for an answer (for those who answer them; the
 * count is 信息更正's total with its filter), and the rooms and people of my places (the lists' totals).
 */
export async function registryStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, RegistryPolicy.readRooms)) return {};
  const open = { status: 'open' } as const;
  const [rooms, persons, corrections] = await Promise.all([
    listRooms(ctx, RoomsQuery.parse({ pageSize: 1 })),
    listPersons(ctx, PersonsQuery.parse({ pageSize: 1 })),
    holdsAny(ctx.actor, RegistryPolicy.answerCorrections) ? listCorrections(ctx, CorrectionsQuery.parse({ ...open, pageSize: 1 })) : null,
  ]);
  return {
    ...(corrections ? { todos: [{ key: 'corrections', count: corrections.total, link: `/registry/corrections?${new URLSearchParams(open)}` }] } : {}),
    figures: [
      { key: 'rooms', value: rooms.total, link: '/registry/places' },
      { key: 'persons', value: persons.total, link: '/registry/persons' },
    ],
  };
}
