#!/usr/bin/env node
/**
 * The independent verifier of an owners' decision — 业主共同决定的独立校验程序.
 *
 *   node verify-decision.mjs bundle.json [--head <seq>:<hash>]…
 *
 * It reads an evidence bundle exported by Gongzhi (format "gongzhi.decision-bundle/1", docs/decision-bundle.md)
 * and checks, from the bundle alone, that
 *   1. roll      — the roll's hash and totals are what the manifest sealed at opening;
 *   2. manifest  — the manifest's hash is the one the chain starts from;
 *   3. receipts  — every ballot's receipt commits to its owner's key, its choices and its nonce;
 *   4. chain     — the hash chain links every receipt in order, nothing removed, inserted or changed,
 *                  and its close entry seals it; each roll key's last ballot is the one that counts;
 *   5. heads     — the chain heads published on the public board are heads of this chain
 *                  (and so are the ones the scrutineer noted down himself: --head seq:hash);
 *   6. tally     — a recount of both tallies (the strict Civil Code one and the 从众 one) with this file's own
 *                  implementation of art. 278 agrees with the bundle's result.
 *
 * It prints one JSON object on stdout:
 *   { ok, decision, checked: { roll, manifest, receipts, chain, heads, tally }, problems: [ { check, message, … } ] }
 * where each `checked` value is true (checked, no problem), false (checked, problems found) or null (nothing to
 * check: a public bundle has no ballots; an open decision has no tally). Exit code 0 when ok, 1 when a problem
 * was found, 2 for a usage error or a file that is not a readable bundle.
 *
 * Why it is written this way: a scrutineer, the street or a court's expert must be able to read it in an hour and
 * run it on a machine of their own. So it is one file, plain JavaScript for any Node.js ≥ 18, and it uses nothing
 * but Node's built-in modules — no package to download and trust, nothing shared with the server it checks. The
 * rules it applies are written out again here on purpose (the server has its own copy): if the two ever disagree,
 * this program says so.
 */

import * as crypto from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const FORMAT = 'gongzhi.decision-bundle/1';
export const CHECKS = ['roll', 'manifest', 'receipts', 'chain', 'heads', 'tally'];

// ——— The two primitives of the format ————————————————————————————————————————————————————————————————

/**
 * canonical(v): the one way a value is written before it is hashed — JSON with the keys of every object sorted
 * (by UTF-16 code units, JavaScript's default string order), arrays in their order, no whitespace, and keys whose
 * value is undefined left out. Two programs that agree on this agree on every hash.
 */
export function canonical(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  // Plain loops rather than map / filter / join: the whole roll (20,000 heads and more) goes through here at once.
  let out;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + canonical(value[i]);
    return `${out}]`;
  }
  // sort() without a comparator orders strings by UTF-16 code units: the order the format prescribes.
  const keys = Object.keys(value).sort();
  out = '{';
  for (const k of keys) {
    if (value[k] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonical(value[k])}`;
  }
  return `${out}}`;
}

// SHA-256 in lowercase hex of a string's UTF-8 bytes. crypto.hash (Node ≥ 20.12) does the same in one call, about
// twice as fast on short strings — it matters for 40,000 receipts and chain entries; older Node takes createHash.
const sha256 =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** H(parts…): SHA-256 of the parts joined by "|" (the format's ‖), as UTF-8, in lowercase hex. */
export function H(...parts) {
  return sha256(parts.join('|'));
}

/** receipt = H(decision ‖ roll key ‖ canonical(choices) ‖ nonce): it commits to the choices, and the nonce hides them. */
export const receiptOf = (decisionId, key, choices, nonce) => H(decisionId, key, canonical(choices), nonce);

/** hᵢ = H(hᵢ₋₁ ‖ receipt ‖ at ‖ channel ‖ superseded receipt or ""). */
export const ballotEntryHash = (previous, e) => H(previous, e.receipt, e.at, e.channel, e.supersedes ?? '');

/** The close entry: H(hₙ ‖ "CLOSE") — after it nothing can be appended unseen. */
export const closeEntryHash = (previous) => H(previous, 'CLOSE');

// ——— Small helpers ———————————————————————————————————————————————————————————————————————————————————

const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX = /^[0-9a-f]+$/;
// Date.prototype.toISOString(): the only time format the hashes are computed over.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CHOICES = ['for', 'against', 'abstain'];
const CHANNELS = ['online', 'paper', 'proxy'];

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v) => Number.isSafeInteger(v) && v >= 0;
const isIso = (v) => typeof v === 'string' && ISO.test(v) && new Date(v).toISOString() === v;
const short = (hex) => (typeof hex === 'string' ? hex.slice(0, 12) : String(hex));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Matters (6)–(8) of art. 278 ¶1 need three quarters; every other matter a majority. */
export const thresholdOf = (matter) => (matter === 6 || matter === 7 || matter === 8 ? 'three_quarters' : 'majority');

/** Collects problems: `add('chain', 'what is wrong', { seq: 3 })` — where it is wrong goes beside the message. */
function problemList() {
  const list = [];
  const add = (check, message, where = {}) => list.push({ check, message, ...where });
  return { list, add };
}

// ——— 0. The bundle's shape ———————————————————————————————————————————————————————————————————————————
// Checked before anything is hashed so that the checks below can trust the types they read; a bundle with the
// wrong shape is reported as such, with the element that is wrong, and not checked further.

function checkShape(b, add) {
  const bad = (message, where) => add('format', message, where);
  if (typeof b.public !== 'boolean') bad('"public" must be true or false');
  if (!isObject(b.decision) || typeof b.decision.id !== 'string') bad('"decision" must be an object with an "id"');
  else if (!['open', 'closed', 'published'].includes(b.decision.status)) bad(`decision.status "${b.decision.status}" is not open, closed or published`);

  const m = b.manifest;
  if (!isObject(m)) bad('"manifest" must be an object');
  else {
    if (typeof m.decisionId !== 'string') bad('manifest.decisionId must be a string');
    if (!Array.isArray(m.items) || m.items.length === 0) bad('manifest.items must be a non-empty array');
    else
      m.items.forEach((it, i) => {
        if (!isObject(it) || !Number.isSafeInteger(it.no) || it.no < 1 || !Number.isSafeInteger(it.matter))
          bad(`manifest.items[${i}] needs an integer "no" (≥ 1) and "matter"`, { no: it?.no });
      });
    if (!isObject(m.totals) || !isCount(m.totals.areaCenti) || !isCount(m.totals.heads)) bad('manifest.totals needs integer areaCenti and heads');
    if (typeof m.rollHash !== 'string' || !HEX64.test(m.rollHash)) bad('manifest.rollHash must be 64 lowercase hex digits');
    if (m.rules !== undefined && !isObject(m.rules)) bad('manifest.rules must be an object');
  }
  if (typeof b.manifestHash !== 'string' || !HEX64.test(b.manifestHash)) bad('"manifestHash" must be 64 lowercase hex digits');

  // A public bundle may leave the roll out (null); when it is there, it is checked like any other.
  if (!(b.public && (b.roll === null || b.roll === undefined))) {
    if (!Array.isArray(b.roll)) bad('"roll" must be an array');
    else
      b.roll.forEach((r, i) => {
        const where = { no: r?.no };
        if (!isObject(r) || !Number.isSafeInteger(r.no) || r.no < 1) return bad(`roll[${i}] needs an integer "no" (≥ 1)`, where);
        if (typeof r.key !== 'string' || !HEX.test(r.key)) bad(`roll entry ${r.no}: "key" must be lowercase hex`, where);
        if (r.kind !== 'owners' && r.kind !== 'developer') bad(`roll entry ${r.no}: "kind" must be owners or developer`, where);
        if (!isCount(r.areaCenti)) bad(`roll entry ${r.no}: "areaCenti" must be a non-negative integer (hundredths of m²)`, where);
        if (!Array.isArray(r.parts) || !r.parts.every((p) => isObject(p) && isCount(p.areaCenti) && typeof p.delivered === 'boolean'))
          bad(`roll entry ${r.no}: every part needs an integer "areaCenti" and a boolean "delivered"`, where);
      });
  }

  if (!Array.isArray(b.ballots)) bad('"ballots" must be an array');
  else
    b.ballots.forEach((x, i) => {
      const where = { receipt: x?.receipt };
      if (!isObject(x) || typeof x.receipt !== 'string' || !HEX64.test(x.receipt)) return bad(`ballots[${i}]: "receipt" must be 64 lowercase hex digits`, where);
      if (typeof x.nonce !== 'string' || !HEX32.test(x.nonce)) bad(`ballot ${short(x.receipt)}: "nonce" must be 32 lowercase hex digits (128 bits)`, where);
      if (typeof x.key !== 'string') bad(`ballot ${short(x.receipt)}: "key" must be a string`, where);
      if (!isObject(x.choices) || !Object.values(x.choices).every((c) => CHOICES.includes(c)))
        bad(`ballot ${short(x.receipt)}: "choices" must map item numbers to for, against or abstain`, where);
      if (!CHANNELS.includes(x.channel)) bad(`ballot ${short(x.receipt)}: "channel" must be online, paper or proxy`, where);
      if (!isIso(x.at)) bad(`ballot ${short(x.receipt)}: "at" must be an ISO time as toISOString() writes it`, where);
      if (!['counted', 'superseded', 'duplicate'].includes(x.status)) bad(`ballot ${short(x.receipt)}: "status" must be counted, superseded or duplicate`, where);
    });
  if (b.public && Array.isArray(b.ballots) && b.ballots.length > 0) bad('a public bundle must not carry ballots (they hold the choices)');

  if (!Array.isArray(b.chain)) bad('"chain" must be an array');
  else
    b.chain.forEach((e, i) => {
      const where = { seq: e?.seq };
      if (!isObject(e) || !Number.isSafeInteger(e.seq)) return bad(`chain[${i}] needs an integer "seq"`, where);
      if (typeof e.hash !== 'string' || !HEX64.test(e.hash)) bad(`chain entry ${e.seq}: "hash" must be 64 lowercase hex digits`, where);
      if (e.kind === 'close') return;
      if (e.kind !== 'ballot') return bad(`chain entry ${e.seq}: "kind" must be ballot or close`, where);
      if (typeof e.receipt !== 'string' || !HEX64.test(e.receipt)) bad(`chain entry ${e.seq}: "receipt" must be 64 lowercase hex digits`, where);
      if (!isIso(e.at)) bad(`chain entry ${e.seq}: "at" must be an ISO time as toISOString() writes it`, where);
      if (!CHANNELS.includes(e.channel)) bad(`chain entry ${e.seq}: "channel" must be online, paper or proxy`, where);
      if (!(e.supersedes === null || e.supersedes === undefined || (typeof e.supersedes === 'string' && HEX64.test(e.supersedes))))
        bad(`chain entry ${e.seq}: "supersedes" must be null or a receipt`, where);
    });

  if (!Array.isArray(b.heads)) bad('"heads" must be an array');
  else
    b.heads.forEach((h, i) => {
      if (!isObject(h) || !isCount(h.seq) || typeof h.hash !== 'string' || !isIso(h.publishedAt))
        bad(`heads[${i}] needs an integer "seq", a "hash" and an ISO "publishedAt"`, { seq: h?.seq });
    });

  if (b.tally !== null && b.tally !== undefined && !(isObject(b.tally) && Array.isArray(b.tally.items)))
    bad('"tally" must be null or a tally with "items"');
}

// ——— 1. The roll ——————————————————————————————————————————————————————————————————————————————————————

function checkRoll(b, add) {
  const { manifest: m, roll } = b;
  const bad = (message, where) => add('roll', message, where);
  // The hash covers the whole roll: any change of an area, a part, a key or an entry shows here…
  if (H(canonical(roll)) !== m.rollHash) bad('the roll does not hash to manifest.rollHash: the roll was changed after it was sealed');
  // …and the checks below say where.
  if (m.totals.heads !== roll.length) bad(`the roll has ${roll.length} heads, the manifest's totals say ${m.totals.heads}`);
  const area = sum(roll.map((r) => r.areaCenti));
  if (m.totals.areaCenti !== area) bad(`the roll's areas add up to ${area}, the manifest's totals say ${m.totals.areaCenti}`);
  const keys = new Set();
  roll.forEach((r, i) => {
    const parts = sum(r.parts.map((p) => p.areaCenti));
    if (r.areaCenti !== parts) bad(`roll entry ${r.no}: area ${r.areaCenti} is not the sum of its parts (${parts})`, { no: r.no });
    if (i > 0 && r.no <= roll[i - 1].no) bad(`roll entry ${r.no} comes after ${roll[i - 1].no}: the roll must be sorted by no, each no once`, { no: r.no });
    if (keys.has(r.key)) bad(`roll entry ${r.no}: key ${short(r.key)} is used by another entry`, { no: r.no });
    keys.add(r.key);
  });
}

// ——— 2. The manifest ——————————————————————————————————————————————————————————————————————————————————

function checkManifest(b, add) {
  const { manifest: m } = b;
  const bad = (message, where) => add('manifest', message, where);
  if (H(canonical(m)) !== b.manifestHash) bad('the manifest does not hash to manifestHash: items, rules, period or totals were changed');
  if (m.decisionId !== b.decision.id) bad(`manifest.decisionId ${m.decisionId} is not the bundle's decision ${b.decision.id}`);
  const nos = new Set();
  for (const it of m.items) {
    if (nos.has(it.no)) bad(`item ${it.no} appears twice`, { no: it.no });
    nos.add(it.no);
    // The law, not the organiser, sets the threshold of a matter.
    if (it.threshold !== thresholdOf(it.matter)) bad(`item ${it.no}: matter ${it.matter} needs threshold ${thresholdOf(it.matter)}, the manifest says ${it.threshold}`, { no: it.no });
  }
  const fm = m.rules?.followMajority;
  if (fm !== undefined && !(isObject(fm) && typeof fm.value === 'boolean')) bad('manifest.rules.followMajority must be { value: boolean, clause }');
  // An elevator retrofit's shares are part of what the owners vote on: every fen of the cost is shared, among heads on the roll.
  const ev = m.elevator;
  if (ev !== undefined) {
    if (!isObject(ev) || !Number.isSafeInteger(ev.costFen) || !Array.isArray(ev.shares)) bad('manifest.elevator needs an integer costFen and its shares');
    else {
      const shared = ev.shares.reduce((sum, x) => sum + (Number.isSafeInteger(x?.shareFen) ? x.shareFen : NaN), 0);
      if (shared !== ev.costFen) bad(`the elevator's shares add up to ${shared} fen, the cost is ${ev.costFen} fen`);
      if (Array.isArray(b.roll)) {
        const keys = new Set(b.roll.map((r) => r.key));
        for (const x of ev.shares) if (x?.key !== null && !keys.has(x?.key)) bad(`an elevator share names a head that is not on the roll (${String(x?.key).slice(0, 16)})`);
      }
    }
  }
}

// ——— 3. The receipts ——————————————————————————————————————————————————————————————————————————————————

function checkReceipts(b, add) {
  const bad = (message, where) => add('receipts', message, where);
  const keys = new Set((b.roll ?? []).map((r) => r.key));
  const items = new Set(b.manifest.items.map((it) => String(it.no)));
  const seen = new Set();
  for (const x of b.ballots) {
    const where = { receipt: x.receipt };
    if (receiptOf(b.decision.id, x.key, x.choices, x.nonce) !== x.receipt)
      bad(`ballot ${short(x.receipt)}: the receipt does not match its key, choices and nonce — the ballot was changed after its receipt was given`, where);
    if (!keys.has(x.key)) bad(`ballot ${short(x.receipt)}: key ${short(x.key)} is not on the roll`, where);
    if (seen.has(x.receipt)) bad(`ballot ${short(x.receipt)}: the receipt appears twice`, where);
    seen.add(x.receipt);
    for (const no of Object.keys(x.choices)) if (!items.has(no)) bad(`ballot ${short(x.receipt)}: a choice on item ${no}, which the manifest does not have`, where);
  }
}

// ——— 4. The chain —————————————————————————————————————————————————————————————————————————————————————

/**
 * Walks the chain from the manifest's hash. After an entry whose hash is wrong the walk goes on from the hash the
 * entry carries, so one changed entry is reported once, at its seq, and the entries after it are still checked.
 */
function checkChain(b, add) {
  const bad = (message, where) => add('chain', message, where);
  const ballots = new Map(b.ballots.map((x) => [x.receipt, x]));
  const withBallots = !b.public;
  const inChain = new Map(); // receipt → seq
  const lastOfKey = new Map(); // roll key → receipt of its latest entry so far
  let previous = b.manifestHash;

  b.chain.forEach((e, i) => {
    // Reported once where the run breaks, not at every entry after it.
    const expected = i === 0 ? 1 : b.chain[i - 1].seq + 1;
    if (e.seq !== expected) bad(`seq ${e.seq} where ${expected} was due: seq runs 1, 2, 3… without gaps (an entry was removed or inserted)`, { seq: e.seq });
    if (e.kind === 'close') {
      if (i !== b.chain.length - 1) bad(`close entry at seq ${e.seq} is not the last entry: entries were appended after the close`, { seq: e.seq });
      if (closeEntryHash(previous) !== e.hash) bad(`close entry ${e.seq}: hash is not H(previous ‖ "CLOSE")`, { seq: e.seq });
      previous = e.hash;
      return;
    }
    const where = { seq: e.seq, receipt: e.receipt };
    if (ballotEntryHash(previous, e) !== e.hash)
      bad(`entry ${e.seq} (receipt ${short(e.receipt)}): hash does not follow from the entry before it — this entry was changed, or one before it removed or inserted`, where);
    previous = e.hash;

    if (inChain.has(e.receipt)) bad(`entry ${e.seq}: receipt ${short(e.receipt)} is already in the chain at seq ${inChain.get(e.receipt)}`, where);
    if (e.supersedes != null && !inChain.has(e.supersedes))
      bad(`entry ${e.seq}: it supersedes ${short(e.supersedes)}, which is not earlier in the chain`, where);
    inChain.set(e.receipt, e.seq);
    if (!withBallots) return;

    // The ballot behind the receipt: there must be one, with the same channel and time the chain recorded.
    const x = ballots.get(e.receipt);
    if (!x) return bad(`entry ${e.seq}: receipt ${short(e.receipt)} has no ballot in the bundle (a ballot was removed)`, where);
    if (x.channel !== e.channel) bad(`entry ${e.seq}: the chain says channel ${e.channel}, the ballot says ${x.channel}`, where);
    if (x.at !== e.at) bad(`entry ${e.seq}: the chain says time ${e.at}, the ballot says ${x.at}`, where);
    // A later ballot of the same owner names the one it replaces; the first ballot of an owner names none.
    const before = lastOfKey.get(x.key) ?? null;
    if ((e.supersedes ?? null) !== before)
      bad(
        before
          ? `entry ${e.seq}: a later ballot of roll key ${short(x.key)} must supersede ${short(before)}, it names ${e.supersedes ? short(e.supersedes) : 'none'}`
          : `entry ${e.seq}: it supersedes ${short(e.supersedes)}, but it is the first ballot of roll key ${short(x.key)}`,
        where,
      );
    lastOfKey.set(x.key, e.receipt);
  });

  const closes = b.chain.filter((e) => e.kind === 'close').length;
  if (closes > 1) bad(`the chain has ${closes} close entries; at most one`);
  if (b.decision.status === 'open' && closes > 0) bad('the decision is open but its chain is closed');
  if (b.decision.status !== 'open' && closes === 0) bad(`the decision is ${b.decision.status} but its chain has no close entry`);

  if (!withBallots) return;
  for (const x of b.ballots)
    if (!inChain.has(x.receipt)) bad(`ballot ${short(x.receipt)} is not in the chain (a ballot was inserted)`, { receipt: x.receipt });

  // Which ballot counts: the last chain entry of each roll key; every earlier one was replaced.
  const counted = new Set(lastOfKey.values());
  for (const x of b.ballots) {
    if (!inChain.has(x.receipt)) continue;
    const where = { receipt: x.receipt, seq: inChain.get(x.receipt) };
    if (counted.has(x.receipt) && x.status !== 'counted') bad(`ballot ${short(x.receipt)} is its owner's last ballot in the chain but is marked ${x.status}`, where);
    if (!counted.has(x.receipt) && x.status === 'counted') bad(`ballot ${short(x.receipt)} is marked counted but a later ballot of the same owner replaced it`, where);
  }
}

/** The counted ballot of each roll key: its last entry in the chain (the order of the chain, not of the list). */
function countedBallots(b) {
  const ballots = new Map(b.ballots.map((x) => [x.receipt, x]));
  const last = new Map();
  for (const e of b.chain) {
    const x = e.kind === 'ballot' ? ballots.get(e.receipt) : undefined;
    if (x) last.set(x.key, x);
  }
  return [...last.values()];
}

// ——— 5. The published heads ———————————————————————————————————————————————————————————————————————————

/** The hash after entry `seq` (seq 0: the manifest's hash — a head published before the first ballot). */
function hashAt(b, seq) {
  if (seq === 0) return b.manifestHash;
  return b.chain[seq - 1]?.seq === seq ? b.chain[seq - 1].hash : b.chain.find((e) => e.seq === seq)?.hash;
}

function checkHeads(b, add, ownHeads) {
  const bad = (message, where) => add('heads', message, where);
  const check = (h, source) => {
    const hash = hashAt(b, h.seq);
    if (hash === undefined) bad(`${source} head at seq ${h.seq}: the chain has no entry ${h.seq} (entries were removed)`, { seq: h.seq });
    else if (hash !== h.hash) bad(`${source} head at seq ${h.seq} is ${short(h.hash)}, the chain's entry ${h.seq} is ${short(hash)}: the chain was changed after it was published`, { seq: h.seq });
  };
  for (const h of b.heads) check(h, 'published');
  for (const h of ownHeads) check(h, 'noted');
  // The chain only grows: a head published later never has a smaller seq.
  const byTime = [...b.heads].sort((x, y) => (x.publishedAt < y.publishedAt ? -1 : x.publishedAt > y.publishedAt ? 1 : 0));
  byTime.forEach((h, i) => {
    if (i > 0 && h.seq < byTime[i - 1].seq) bad(`the head published at ${h.publishedAt} (seq ${h.seq}) is shorter than one published before it (seq ${byTime[i - 1].seq})`, { seq: h.seq });
  });
}

// ——— 6. The recount: Civil Code art. 278 (DOMAIN.md §4), in integers ————————————————————————————————————
// Quorum: ≥ ⅔ of the total area AND ≥ ⅔ of all heads took part. Matters 6–8: ≥ ¾ of the participating area AND
// heads agree; other matters: more than ½ of both ("过半数": half is not enough). Every comparison is a
// cross-multiplication, so no ratio is ever rounded. An abstention takes part but does not agree.

const atLeastTwoThirds = (a, b) => a * 3 >= b * 2;
const atLeastThreeQuarters = (a, b) => a * 4 >= b * 3;
const moreThanHalf = (a, b) => a * 2 > b;
const sums = (areaCenti = 0, heads = 0) => ({ areaCenti, heads });

/** Judges one item from its sums of for / against / abstain. */
function judgeItem(item, totals, s) {
  const participating = sums(s.for.areaCenti + s.against.areaCenti + s.abstain.areaCenti, s.for.heads + s.against.heads + s.abstain.heads);
  const quorum = { area: atLeastTwoThirds(participating.areaCenti, totals.areaCenti), heads: atLeastTwoThirds(participating.heads, totals.heads) };
  const threshold = thresholdOf(item.matter);
  const agrees = threshold === 'three_quarters' ? atLeastThreeQuarters : moreThanHalf;
  // When nobody answered the item nothing passes, whatever 0 ≥ 0 would say.
  const anyone = participating.heads > 0;
  const agree = { area: anyone && agrees(s.for.areaCenti, participating.areaCenti), heads: anyone && agrees(s.for.heads, participating.heads) };
  const met = quorum.area && quorum.heads;
  return {
    no: item.no,
    matter: item.matter,
    threshold,
    participating,
    for: s.for,
    against: s.against,
    abstain: s.abstain,
    quorum: { ...quorum, met },
    agree,
    passed: met && agree.area && agree.heads,
  };
}

/**
 * Recounts a decision from the roll's totals, the items and the counted ballots (`{ areaCenti, choices }`).
 * `followMajority` ({ clause }) adds the 从众 tally: on each item where one side holds more than half of both the
 * participating area and heads, the owners who did not answer are counted with that side.
 */
export function recount(totals, items, counted, followMajority) {
  const participating = sums();
  for (const c of counted) {
    if (Object.keys(c.choices).length === 0) continue;
    participating.areaCenti += c.areaCenti;
    participating.heads += 1;
  }
  const strict = items.map((item) => {
    const s = { for: sums(), against: sums(), abstain: sums() };
    for (const c of counted) {
      const choice = c.choices[String(item.no)];
      if (!choice) continue;
      s[choice].areaCenti += c.areaCenti;
      s[choice].heads += 1;
    }
    return judgeItem(item, totals, s);
  });
  const adjusted = followMajority
    ? {
        clause: followMajority.clause,
        items: strict.map((t) => {
          const side = ['for', 'against'].find((c) => moreThanHalf(t[c].areaCenti, t.participating.areaCenti) && moreThanHalf(t[c].heads, t.participating.heads));
          if (!side) return { ...t, counted: null };
          const s = { for: { ...t.for }, against: { ...t.against }, abstain: { ...t.abstain } };
          s[side].areaCenti += totals.areaCenti - t.participating.areaCenti;
          s[side].heads += totals.heads - t.participating.heads;
          return { ...judgeItem(t, totals, s), counted: side };
        }),
      }
    : null;
  return { totals: { ...totals }, participating, items: strict, adjusted };
}

/** Every leaf of a value as path → value, so two tallies can be compared field by field. */
function leaves(value, path = '', out = new Map()) {
  if (isObject(value)) for (const k of Object.keys(value)) leaves(value[k], path ? `${path}.${k}` : k, out);
  else out.set(path, value);
  return out;
}

/** The fields where two values differ, as "field: bundle X, recount Y". */
function differences(claimed, recounted) {
  const a = leaves(claimed);
  const b = leaves(recounted);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => `${p || 'value'}: bundle ${JSON.stringify(a.get(p))}, recount ${JSON.stringify(b.get(p))}`);
}

function compareItems(claimedItems, recountedItems, add, label) {
  const claimed = new Map((Array.isArray(claimedItems) ? claimedItems : []).map((t) => [t?.no, t]));
  for (const r of recountedItems) {
    const t = claimed.get(r.no);
    if (!t) add('tally', `${label}item ${r.no} is missing from the bundle's tally`, { no: r.no });
    else {
      const diff = differences(t, r);
      if (diff.length > 0) add('tally', `${label}item ${r.no} does not match the recount — ${diff.join('; ')}`, { no: r.no });
    }
    claimed.delete(r.no);
  }
  for (const no of claimed.keys()) add('tally', `${label}item ${no} is in the bundle's tally but not in the manifest`, { no });
}

function checkTally(b, add) {
  const bad = (message, where) => add('tally', message, where);
  const areaOf = new Map(b.roll.map((r) => [r.key, r.areaCenti]));
  const counted = countedBallots(b).map((x) => ({ areaCenti: areaOf.get(x.key) ?? 0, choices: x.choices }));
  const fm = b.manifest.rules?.followMajority;
  const r = recount(b.manifest.totals, b.manifest.items, counted, fm?.value ? { clause: fm.clause } : null);
  const t = b.tally;

  for (const field of ['totals', 'participating']) {
    const diff = differences(t[field], r[field]);
    if (diff.length > 0) bad(`${field} does not match the recount — ${diff.join('; ')}`);
  }
  compareItems(t.items, r.items, add, '');
  if (r.adjusted === null) {
    if (t.adjusted !== null && t.adjusted !== undefined) bad('the bundle has a 从众 (adjusted) tally but the manifest\'s rules do not have followMajority');
    return;
  }
  if (!isObject(t.adjusted)) return bad(`the manifest's rules have followMajority (${r.adjusted.clause}) but the bundle has no adjusted tally`);
  if (t.adjusted.clause !== r.adjusted.clause) bad(`the adjusted tally cites "${t.adjusted.clause}", the rules' clause is "${r.adjusted.clause}"`);
  compareItems(t.adjusted.items, r.adjusted.items, add, '从众 adjusted tally: ');
}

// ——— Putting it together ——————————————————————————————————————————————————————————————————————————————

/**
 * Verifies a parsed bundle. `options.heads`: heads the scrutineer noted from the board himself ({ seq, hash }).
 * Returns { ok, decision, checked, problems }; never throws on a bad bundle (it reports it).
 */
export function verifyBundle(bundle, options = {}) {
  const { list: problems, add } = problemList();
  const checked = Object.fromEntries(CHECKS.map((c) => [c, null]));
  const result = () => ({ ok: problems.length === 0, decision: bundle?.decision?.id ?? null, checked, problems });

  if (!isObject(bundle) || bundle.format !== FORMAT) {
    add('format', `not a decision bundle: "format" must be "${FORMAT}"`);
    return result();
  }
  checkShape(bundle, add);
  if (problems.length > 0) return result();

  const b = bundle;
  const ownHeads = options.heads ?? [];
  // Each check runs only where the bundle has what it checks: a public bundle has no ballots (and may have no
  // roll); an open decision has no tally yet.
  const run = (name, applies, fn) => {
    if (!applies) return;
    const before = problems.length;
    fn();
    checked[name] = problems.length === before;
  };
  try {
    run('roll', Array.isArray(b.roll), () => checkRoll(b, add));
    run('manifest', true, () => checkManifest(b, add));
    run('receipts', !b.public, () => checkReceipts(b, add));
    run('chain', true, () => checkChain(b, add));
    run('heads', b.heads.length + ownHeads.length > 0, () => checkHeads(b, add, ownHeads));
    run('tally', !b.public && b.tally != null, () => checkTally(b, add));
  } catch (err) {
    // A shape the checks above did not foresee: say so rather than crash, and never answer ok.
    add('format', `the bundle could not be checked to the end: ${err instanceof Error ? err.message : String(err)}`);
    return result();
  }
  if (!b.public && b.decision.status !== 'open' && b.tally == null) {
    add('tally', `the decision is ${b.decision.status} but the bundle has no tally`);
    checked.tally = false;
  }
  return result();
}

// ——— The command line ——————————————————————————————————————————————————————————————————————————————————

const USAGE = 'usage: node verify-decision.mjs <bundle.json> [--head <seq>:<hash>]…';

/** Reads the arguments: the bundle's file and any heads noted from the board. null when they make no sense. */
function parseArgs(argv) {
  let file = null;
  const heads = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--head') {
      const m = /^(\d+):([0-9a-f]{64})$/.exec(argv[i + 1] ?? '');
      if (!m) return null;
      heads.push({ seq: Number(m[1]), hash: m[2] });
      i += 1;
    } else if (file === null && !argv[i].startsWith('--')) file = argv[i];
    else return null;
  }
  return file === null ? null : { file, heads };
}

/** A result for a bundle that could not be read at all (exit code 2). */
const unreadable = (message) => ({ ok: false, decision: null, checked: Object.fromEntries(CHECKS.map((c) => [c, null])), problems: [{ check: 'format', message }] });

/**
 * The command: verifies the file named in `argv`, writes the JSON result with `write`, returns the exit code
 * (0 ok, 1 a problem found, 2 usage error or unreadable bundle).
 */
export function cli(argv, write = (text) => process.stdout.write(text), warn = (text) => process.stderr.write(text)) {
  const args = parseArgs(argv);
  if (!args) {
    warn(`${USAGE}\n`);
    return 2;
  }
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(args.file, 'utf8'));
  } catch (err) {
    write(`${JSON.stringify(unreadable(`cannot read ${args.file}: ${err instanceof Error ? err.message : String(err)}`), null, 2)}\n`);
    return 2;
  }
  if (!isObject(bundle) || bundle.format !== FORMAT) {
    write(`${JSON.stringify(unreadable(`${args.file} is not a decision bundle: "format" must be "${FORMAT}"`), null, 2)}\n`);
    return 2;
  }
  const result = verifyBundle(bundle, { heads: args.heads });
  write(`${JSON.stringify(result, null, 2)}\n`);
  return result.ok ? 0 : 1;
}

// Run only when executed directly (node verify-decision.mjs …), not when imported.
const executed = process.argv[1] !== undefined && (() => {
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
})();
if (executed) process.exitCode = cli(process.argv.slice(2));
