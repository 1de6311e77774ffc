import { z } from 'zod';

/** Request shapes of the deliberation module's routes (items here; meetings in meetings.schemas.ts). */
export const Id = z.uuid();
