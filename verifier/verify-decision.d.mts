/** Types of verify-decision.mjs, so TypeScript callers (the CLI, the tests) type-check their import of it. */

export type Check = 'roll' | 'manifest' | 'receipts' | 'chain' | 'heads' | 'tally';

export interface Problem {
  check: Check | 'format';
  message: string;
  /** The ballot's receipt, when the problem is one ballot's. */
  receipt?: string;
  /** The chain entry's (or published head's) seq. */
  seq?: number;
  /** The roll entry's or the item's no. */
  no?: number;
}

export interface VerifyResult {
  ok: boolean;
  decision: string | null;
  /** true: checked, no problem; false: problems found; null: nothing to check in this bundle. */
  checked: Record<Check, boolean | null>;
  problems: Problem[];
}

export interface Sums {
  areaCenti: number;
  heads: number;
}

export const FORMAT: 'gongzhi.decision-bundle/1';
export const CHECKS: readonly Check[];
export function canonical(value: unknown): string;
export function H(...parts: string[]): string;
export function receiptOf(decisionId: string, key: string, choices: Record<string, string>, nonce: string): string;
export function ballotEntryHash(previous: string, entry: { receipt: string; at: string; channel: string; supersedes?: string | null }): string;
export function closeEntryHash(previous: string): string;
export function thresholdOf(matter: number): 'three_quarters' | 'majority';
export function recount(
  totals: Sums,
  items: readonly { no: number; matter: number }[],
  counted: readonly { areaCenti: number; choices: Record<string, string> }[],
  followMajority: { clause: string } | null,
): unknown;
export function verifyBundle(bundle: unknown, options?: { heads?: { seq: number; hash: string }[] }): VerifyResult;
/** The command line: writes the JSON result, returns the exit code (0 ok, 1 problems, 2 usage / unreadable). */
export function cli(argv: string[], write?: (text: string) => void, warn?: (text: string) => void): number;
