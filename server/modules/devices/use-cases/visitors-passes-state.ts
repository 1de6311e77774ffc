import { type RawBuilder, sql } from 'kysely';
import type { PassState } from '../devices.visitors.constants.ts';

/** A pass's state as the lists show it, at `now` (`p` is the pass's alias): cancelled, used (arrived), expired, else upcoming. */
export const passState = (now: Date): RawBuilder<PassState> =>
  sql<PassState>`case when p.status = 'cancelled' then 'cancelled' when p.arrived_at is not null then 'used' when p.valid_to < ${now} then 'expired' else 'upcoming' end`;
