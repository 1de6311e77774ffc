/**
 * Rules the server enforces and the web shells check before sending (no imports but the kernel's import-free
 * password rule: the browser bundle reads this file too).
 */

/** One-time sign-up codes: 6 digits, valid 5 minutes, 5 tries; one a minute, ten a day per phone. */
export const OTP = { digits: 6, ttlMs: 5 * 60_000, maxAttempts: 5, resendMs: 60_000, perDay: 10 } as const;

/** Unsuccessful claims an account may make per hour before it is told to wait. */
export const CLAIM_LIMIT = { failures: 5, windowMs: 60 * 60_000 } as const;

/**
 * Unsuccessful claims on one room, from any accounts, before that room stops activating by itself
 * for the rest of the window: many accounts each under their own limit can still guess ID digits.
 */
export const ROOM_CLAIM_LIMIT = { failures: 10, windowMs: 24 * 60 * 60_000 } as const;

/** Household activation codes: 8 characters without look-alikes (no 0/O, 1/I/L, U). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;
export const CODE_RE = /^[2-9A-HJKMNP-TV-Z]{8}$/;

/** What a person types for a code: any case, spaces or dashes ("abcd-efgh") → ABCDEFGH. */
export const normaliseCode = (input: string) => input.toUpperCase().replace(/[\s\-_]/g, '');
/** ABCDEFGH → ABCD-EFGH, as printed. */
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const OTP_RE = /^\d{6}$/;
/** The last four characters of a resident ID number (the last may be X). */
export const ID_LAST4_RE = /^\d{3}[\dX]$/;
/** 8–64 characters with at least one letter and one digit: the kernel's rule for every chosen password. */
export { isStrongPassword } from '../../kernel/auth/password-rule.ts';

export const CLAIM_STATUSES = ['activated', 'pending', 'approved', 'rejected', 'superseded'] as const;
export const CLAIM_REASONS = ['no_person_named', 'name_ambiguous', 'id_mismatch', 'no_id_on_record', 'person_linked_elsewhere', 'room_paused'] as const;

/**
 * Who may do what (the policy's role lists, here so the workbench can offer the same pages; the
 * server still checks every request against the place).
 */
export const ACTIVATION_ROLES = {
  /** The review queue: the residents' committee of the room's community. */
  review: ['community_secretary', 'committee_staff'],
  /** Activation rates per place: those who watch the figures of their place. */
  readRates: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader'],
  /** Activation slips: those who hand them out door to door, and their superiors. */
  printSlips: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader'],
} as const;
