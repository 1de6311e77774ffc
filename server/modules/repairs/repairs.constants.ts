/**
 * The repairs module's vocabulary and its state machine, free of dependencies so that the web
 * shells import the same lists (and show the same buttons) without bundling zod.
 */
import { chinaDay } from '../../kernel/clock.ts';

const PROPERTY = ['property_manager', 'property_staff'] as const;
const SUPERVISORS = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'] as const;

/**
 * Who may do what with repair orders (the roles whose grant on a place allows it over its subtree).
 * Property staff hold grants on the compounds their company serves, so "their company's compounds"
 * is their grants' subtrees. Officials do not run the work: they see an order once it has been
 * escalated to them, and the figures. Residents hold no grant: they see the orders made for them.
 */
export const REPAIRS_POLICY = {
  /** Every order in the subtree: the company, the building leader for their building. */
  readOrders: ['platform_admin', ...PROPERTY, 'building_leader'],
  /** Orders escalated for missing a deadline: the residents' committee, the community, the street. */
  readEscalated: [...SUPERVISORS],
  /** The escalations view. */
  readEscalations: [...SUPERVISORS, ...PROPERTY],
  /** Report on a resident's behalf (by phone or at the counter). */
  reportOnBehalf: ['building_leader', ...PROPERTY],
  /** Accept, dispatch, return, mark as paid service. */
  handle: [...PROPERTY],
  /** Start and finish any order of the compound; other staff only the orders dispatched to them. */
  workAny: ['property_manager'],
  /** Answer a low rating. */
  answer: ['property_manager'],
  /** Add a supervision note (督办意见) to an escalated order. */
  supervise: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'],
  /** The contact's full phone number (an audited read): those who go and repair. */
  revealContact: [...PROPERTY],
  readFigures: [...SUPERVISORS, 'property_manager'],
  readSettings: [...SUPERVISORS, ...PROPERTY],
  /** Time limits are a commitment the company is held to: the officials set them, not the company. */
  writeSettings: ['platform_admin', 'street_official', 'community_secretary'],
} as const;

export const CATEGORIES = ['water', 'electric', 'elevator', 'doors', 'facility', 'environment', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'finished',
  'reopened',
  'closed',
  'returned',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

/** Still waiting for the property company: deadlines run and the escalation job watches them. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress', 'reopened'] as const satisfies readonly Status[];

export const CHANNELS = ['app', 'phone', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels of a report made on a resident's behalf (a building leader or the property office). */
export const PROXY_CHANNELS = ['phone', 'counter'] as const satisfies readonly Channel[];

export const PERIODS = ['morning', 'afternoon', 'evening', 'any'] as const;
export type Period = (typeof PERIODS)[number];

/** The places an order can be about: one's own room, or a common part. */
export const PLACE_KINDS = ['room', 'unit', 'building', 'compound'] as const;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;

export const MAX_PRICE_FEN = 100_000_000;

/**
 * What each action does to an order's status. `price` leaves the status as it is; `rate` closes a
 * finished order, or reopens it for the manager when the rating is 1–2.
 */
export const TRANSITIONS = {
  accept: { from: ['submitted'], to: 'accepted' },
  dispatch: { from: ['submitted', 'accepted', 'dispatched', 'reopened'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'in_progress' },
  finish: { from: ['in_progress'], to: 'finished' },
  return: { from: ['submitted', 'accepted', 'dispatched'], to: 'returned' },
  price: { from: ['accepted', 'dispatched', 'in_progress'], to: null },
  rate: { from: ['finished'], to: 'closed' },
  answer: { from: ['reopened'], to: 'closed' },
  cancel: { from: ['submitted'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status | null }>;
export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

export const canTransition = (action: Action, from: Status): boolean => (TRANSITIONS[action].from as readonly Status[]).includes(from);

/** A rating at or below this reopens the order for the company's manager to answer. */
export const REOPEN_AT_OR_BELOW = 2;

export interface TimeLimit {
  responseMinutes: number;
  completionMinutes: number;
}

const H = 60;
/** Default time limits (响应时限 / 办结时限) per category; each compound may set its own. */
export const DEFAULT_LIMITS: Record<Category, TimeLimit> = {
  water: { responseMinutes: 2 * H, completionMinutes: 48 * H },
  electric: { responseMinutes: 2 * H, completionMinutes: 48 * H },
  elevator: { responseMinutes: 30, completionMinutes: 24 * H },
  doors: { responseMinutes: 4 * H, completionMinutes: 72 * H },
  facility: { responseMinutes: 4 * H, completionMinutes: 72 * H },
  environment: { responseMinutes: 4 * H, completionMinutes: 48 * H },
  other: { responseMinutes: 8 * H, completionMinutes: 120 * H },
};
export const LIMIT_BOUNDS = { response: [5, 7 * 24 * H], completion: [10, 90 * 24 * H] } as const;

/** Days after finishing that an order nobody rated closes by itself. */
export const DEFAULT_AUTO_CLOSE_DAYS = 7;
export const AUTO_CLOSE_BOUNDS = [1, 60] as const;

/** "BX20261122-000042": the Shanghai calendar day it was reported and a running number. */
export function orderNumber(at: Date, seq: number): string {
  const day = chinaDay(at).replaceAll('-', '');
  return `BX${day}-${String(seq).padStart(6, '0')}`;
}

/** 12345 fen → "123.45" (yuan), without floating point. */
export const fenToYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** "123.4" or "123.45" yuan → 12345 fen; null when not a positive amount with at most two decimals. */
export function yuanToFen(yuan: string | number): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(String(yuan).trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 && fen <= MAX_PRICE_FEN ? fen : null;
}
