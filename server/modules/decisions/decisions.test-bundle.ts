import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifyResult } from '../../../verifier/verify-decision.mjs';
import { canonicalJson, sha256 } from '../../kernel/audit/audit.ts';
import { type Choice, type Tally, tally } from './tally.ts';

/**
 * Evidence bundles (format "gongzhi.decision-bundle/1", docs/decision-bundle.md) built by hand, for the independent
 * verifier's tests and bench. Built from the format's rules, with the server's own hash primitives (canonicalJson,
 * sha256) and the server's tally() for the result — never with the verifier's code — so that a verifier run that
 * accepts these bundles shows the two implementations agree.
 */

export type Channel = 'online' | 'paper' | 'proxy';

export interface RollEntry {
  no: number;
  key: string;
  kind: 'owners' | 'developer';
  areaCenti: number;
  coOwners: number;
  parts: { areaCenti: number; delivered: boolean }[];
}
export interface BundleBallot {
  receipt: string;
  nonce: string;
  key: string;
  choices: Record<string, Choice>;
  channel: Channel;
  at: string;
  status: 'counted' | 'superseded' | 'duplicate';
}
export type ChainEntry =
  | { seq: number; kind: 'ballot'; receipt: string; at: string; channel: Channel; supersedes: string | null; hash: string }
  | { seq: number; kind: 'close'; hash: string };
export interface DecisionBundle {
  format: 'gongzhi.decision-bundle/1';
  public: boolean;
  exportedAt: string;
  decision: { id: string; title: string; status: 'open' | 'closed' | 'published' };
  manifest: {
    decisionId: string;
    title: string;
    scope: string;
    items: { no: number; title: string; matter: number; threshold: 'three_quarters' | 'majority' }[];
    rules: Record<string, { value: unknown; clause: string }>;
    opensAt: string;
    closesAt: string;
    totals: { areaCenti: number; heads: number };
    rollHash: string;
  };
  manifestHash: string;
  roll: RollEntry[];
  ballots: BundleBallot[];
  chain: ChainEntry[];
  heads: { seq: number; hash: string; publishedAt: string }[];
  tally: Tally | null;
}

export interface HeadSpec {
  kind?: 'owners' | 'developer';
  coOwners?: number;
  parts: { areaCenti: number; delivered?: boolean }[];
}
export interface BallotSpec {
  /** The roll entry's no (1-based). */
  head: number;
  choices: Record<string, Choice>;
  channel?: Channel;
  at: string;
}
export interface BundleSpec {
  decisionId: string;
  items: { no: number; matter: number }[];
  roll: HeadSpec[];
  /** In the order they entered the chain; a later ballot of the same head replaces the earlier one. */
  ballots: BallotSpec[];
  followMajority?: boolean;
  /** Closed (with a close entry and the tally) unless false. */
  closed?: boolean;
  /** Heads published on the board: after which seq, when. */
  publish?: { seq: number; publishedAt: string }[];
}

/** H(parts…) of the format: SHA-256 of the parts joined by "|". */
export const H = (...parts: string[]): string => sha256(parts.join('|'));
export const keyOf = (decisionId: string, no: number): string => H('roll-key', decisionId, String(no));
export const nonceOf = (seed: string): string => H('nonce', seed).slice(0, 32);
export const receiptOf = (decisionId: string, key: string, choices: Record<string, Choice>, nonce: string): string =>
  H(decisionId, key, canonicalJson(choices), nonce);

export const FOLLOW_MAJORITY_CLAUSE = '《阳光花园业主大会议事规则》第十二条（未表决者从多数）';

/**
 * Recomputes the chain's hashes from the manifest's hash (and the close entry's), as the server appends them; also
 * what a forger would do after editing the chain — which only the published heads then catch.
 */
export function rehashChain(b: DecisionBundle): void {
  let previous = b.manifestHash;
  for (const e of b.chain) {
    e.hash = e.kind === 'close' ? H(previous, 'CLOSE') : H(previous, e.receipt, e.at, e.channel, e.supersedes ?? '');
    previous = e.hash;
  }
}

/** The hash after entry seq (0: the manifest's hash). */
export const headAt = (b: DecisionBundle, seq: number): string => (seq === 0 ? b.manifestHash : b.chain[seq - 1]!.hash);

/** The server's tally of a bundle's counted ballots: the last chain entry of each roll key. */
export function serverTally(b: DecisionBundle): Tally {
  const byReceipt = new Map(b.ballots.map((x) => [x.receipt, x]));
  const last = new Map<string, BundleBallot>();
  for (const e of b.chain) if (e.kind === 'ballot') last.set(byReceipt.get(e.receipt)!.key, byReceipt.get(e.receipt)!);
  const area = new Map(b.roll.map((r) => [r.key, r.areaCenti]));
  const fm = b.manifest.rules.followMajority!;
  const result = tally({
    totalAreaCenti: b.manifest.totals.areaCenti,
    totalHeads: b.manifest.totals.heads,
    items: b.manifest.items,
    ballots: [...last.values()].map((x) => ({ entryId: x.key, areaCenti: area.get(x.key)!, choices: x.choices })),
    followMajority: fm.value ? { clause: fm.clause } : null,
  });
  // As the server exports it: through JSON.
  return JSON.parse(JSON.stringify(result)) as Tally;
}

export function buildBundle(spec: BundleSpec): DecisionBundle {
  const { decisionId } = spec;
  const closed = spec.closed ?? true;
  const roll: RollEntry[] = spec.roll.map((h, i) => ({
    no: i + 1,
    key: keyOf(decisionId, i + 1),
    kind: h.kind ?? 'owners',
    areaCenti: h.parts.reduce((s, p) => s + p.areaCenti, 0),
    coOwners: h.coOwners ?? 1,
    parts: h.parts.map((p) => ({ areaCenti: p.areaCenti, delivered: p.delivered ?? true })),
  }));
  const manifest: DecisionBundle['manifest'] = {
    decisionId,
    title: '关于续聘物业服务企业及使用维修资金的业主共同决定',
    scope: '安和社区 / 阳光花园',
    items: spec.items.map((it) => ({ no: it.no, title: `事项${it.no}`, matter: it.matter, threshold: it.matter >= 6 && it.matter <= 8 ? 'three_quarters' : 'majority' })),
    rules: {
      votingDays: { value: 15, clause: '默认设置（未备案议事规则）' },
      revote: { value: true, clause: '议事规则第九条：截止前可更改' },
      prevails: { value: 'online', clause: '默认设置：网络投票优先' },
      followMajority: spec.followMajority ? { value: true, clause: FOLLOW_MAJORITY_CLAUSE } : { value: false, clause: '《民法典》第二百七十八条（未表决不计入）' },
    },
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-16T00:00:00.000Z',
    totals: { areaCenti: roll.reduce((s, r) => s + r.areaCenti, 0), heads: roll.length },
    rollHash: sha256(canonicalJson(roll)),
  };
  const manifestHash = sha256(canonicalJson(manifest));

  // Ballots in chain order; each names the one of its head it replaces (superseded online over online, duplicate
  // across channels, as the server marks them).
  const ballots: BundleBallot[] = [];
  const chain: ChainEntry[] = [];
  const latest = new Map<string, BundleBallot>();
  spec.ballots.forEach((s, i) => {
    const key = roll[s.head - 1]!.key;
    const nonce = nonceOf(`${decisionId}|${i}`);
    const ballot: BundleBallot = { receipt: receiptOf(decisionId, key, s.choices, nonce), nonce, key, choices: s.choices, channel: s.channel ?? 'online', at: s.at, status: 'counted' };
    const before = latest.get(key);
    if (before) before.status = before.channel === 'online' && ballot.channel === 'online' ? 'superseded' : 'duplicate';
    latest.set(key, ballot);
    ballots.push(ballot);
    chain.push({ seq: i + 1, kind: 'ballot', receipt: ballot.receipt, at: ballot.at, channel: ballot.channel, supersedes: before?.receipt ?? null, hash: '' });
  });
  if (closed) chain.push({ seq: chain.length + 1, kind: 'close', hash: '' });

  const b: DecisionBundle = {
    format: 'gongzhi.decision-bundle/1',
    public: false,
    exportedAt: '2026-12-16T08:00:00.000Z',
    decision: { id: decisionId, title: manifest.title, status: closed ? 'closed' : 'open' },
    manifest,
    manifestHash,
    roll,
    ballots,
    chain,
    heads: [],
    tally: null,
  };
  rehashChain(b);
  b.heads = (spec.publish ?? [{ seq: chain.length, publishedAt: '2026-12-16T00:00:01.000Z' }]).map((p) => ({ seq: p.seq, hash: headAt(b, p.seq), publishedAt: p.publishedAt }));
  if (closed) b.tally = serverTally(b);
  return b;
}

/** The independent verifier's script, as a scrutineer runs it. */
export const VERIFIER_PATH = fileURLToPath(new URL('../../../verifier/verify-decision.mjs', import.meta.url));
const verifierDir = mkdtempSync(join(tmpdir(), 'gz-verify-'));
process.on('exit', () => rmSync(verifierDir, { recursive: true, force: true }));
let files = 0;
/** Writes the bundle to a file and runs the verifier on it in its own Node process: its exit code and its JSON. */
export function runVerifier(bundle: unknown, ...args: string[]): Promise<{ code: number; result: VerifyResult }> {
  const file = join(verifierDir, `bundle-${(files += 1)}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [VERIFIER_PATH, file, ...args], (err, stdout) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      try {
        resolve({ code, result: JSON.parse(stdout) as VerifyResult });
      } catch {
        reject(new Error(`verifier printed no JSON (exit ${code}): ${stdout}`));
      }
    });
  });
}
