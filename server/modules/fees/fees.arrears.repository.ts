import { sql } from 'kysely';
import type { AgeingBand } from './fees.constants.ts';
import type { Executor } from './fees.db.ts';
import { bandSql, monthsOverdueSql } from './use-cases/arrears-rules.ts';

/**
 * The overdue open bills under a place path, as of a day: what each still owes (amount + approved adjustments
 * − paid, net of refunds), its whole months overdue and its band (use-cases/arrears-rules.ts). A bill is overdue
 * the day after its due date.
 */
export function overdueBills(db: Executor, streetId: string, underPath: string, day: string) {
  const months = monthsOverdueSql('b.due_on', day);
  return db
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'b.street_id').onRef('room.id', '=', 'b.room_id'))
    .where('b.street_id', '=', streetId)
    .where('b.status', '=', 'open')
    .where('b.due_on', '<', day)
    .where(sql<boolean>`b.amount_fen + b.adjusted_fen - b.paid_fen > 0`)
    .where('room.path', 'like', `${underPath}%`)
    .select([
      'b.id as billId',
      'b.room_id as roomId',
      'b.compound_id as compoundId',
      'room.path as roomPath',
      sql<number>`(b.amount_fen + b.adjusted_fen - b.paid_fen)::bigint`.as('owedFen'),
      months.as('months'),
      bandSql(months).as('band'),
    ]);
}

export interface ArrearsRoom {
  roomId: string;
  roomPath: string;
  compoundId: string;
  owedFen: number;
  bills: number;
  /** The oldest overdue bill's whole months, and its band: the room's band. */
  months: number;
  band: AgeingBand;
}

/** Rooms in arrears under a path: one row per room with its total owed and its oldest bill's age. */
export function arrearsRooms(db: Executor, streetId: string, underPath: string, day: string) {
  return db
    .selectFrom(overdueBills(db, streetId, underPath, day).as('o'))
    .innerJoin('street_places as room', (j) => j.on('room.street_id', '=', streetId).onRef('room.id', '=', 'o.roomId'))
    .select([
      'o.roomId',
      'room.path as roomPath',
      'o.compoundId',
      sql<number>`sum(o."owedFen")::bigint`.as('owedFen'),
      sql<number>`count(*)::int`.as('bills'),
      sql<number>`max(o.months)::int`.as('months'),
    ])
    .groupBy(['o.roomId', 'room.path', 'o.compoundId']);
}
