/**
 * The ballots' ledger (Decisions 3/4): receipts and the per-decision hash chain — the arithmetic only, pure, so the
 * server and docs/decision-bundle.md say the same thing (and verifier/verify-decision.mjs re-derives it on its own).
 *
 * - `‖` is written `|`; H is SHA-256 in lowercase hex; times are `toISOString()` strings.
 * - roll key   = H(decision ‖ roll entry): an owner head's pseudonym, the same in the manifest, the receipts and the bundle;
 * - receipt    = H(decision ‖ roll key ‖ canonical(choices) ‖ nonce): commits to the choices; the 128-bit nonce keeps a
 *                receipt from being matched to choices by trying the three answers;
 * - chain      hᵢ = H(hᵢ₋₁ ‖ receipt ‖ time ‖ channel ‖ superseded receipt or ""), h₀ = the manifest's hash;
 * - close      = H(hₙ ‖ "CLOSE").
 */
import { canonicalJson, sha256 } from '../../kernel/audit/audit.ts';
import { pooledRandomBytes } from '../../kernel/random.ts';
import type { BallotChannel } from './decisions.tables.ts';

export const BUNDLE_FORMAT = 'gongzhi.decision-bundle/1';

export const rollKey = (decisionId: string, entryId: string): string => sha256(`${decisionId}|${entryId}`);
export const newNonce = (): string => pooledRandomBytes(16).toString('hex');
export const receiptOf = (decisionId: string, key: string, choices: Readonly<Record<string, string>>, nonce: string): string =>
  sha256(`${decisionId}|${key}|${canonicalJson(choices)}|${nonce}`);

export interface ChainLink {
  receipt: string;
  at: Date;
  channel: BallotChannel;
  supersedes: string | null;
}
export const chainHash = (prev: string, link: ChainLink): string => sha256(`${prev}|${link.receipt}|${link.at.toISOString()}|${link.channel}|${link.supersedes ?? ''}`);
export const closeHash = (prev: string): string => sha256(`${prev}|CLOSE`);
export const hashOf = (value: unknown): string => sha256(canonicalJson(value));

/** How the public board and the SMS show a receipt: its first 16 hex digits in groups of four. */
export const shortReceipt = (receipt: string): string => receipt.slice(0, 16).replace(/(.{4})(?=.)/g, '$1-');
