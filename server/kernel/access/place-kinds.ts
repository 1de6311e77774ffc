import type { PlaceKind } from '../db/tables.ts';

/** Which kind of place may sit directly under which: street → community → grid → compound → … */
export const CHILD_KINDS: Record<PlaceKind, PlaceKind[]> = {
  city: ['district'],
  district: ['street'],
  street: ['community'],
  community: ['grid', 'compound'],
  grid: ['compound'],
  compound: ['building'],
  building: ['unit'],
  unit: ['room'],
  room: [],
};
