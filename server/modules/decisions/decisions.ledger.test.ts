import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAllChains } from '../../kernel/audit/audit.ts';
import { MODULES } from '../../app.ts';
import { useWorld } from '../../test/fixture.ts';
import { addOwners } from './decisions.test-world.ts';
import { decisionsDriver } from './decisions.test-driver.ts';
import { runVerifier } from './decisions.test-bundle.ts';
import { chainHash, closeHash, hashOf, receiptOf, rollKey } from './ledger.ts';
import { publishChainHeads } from './use-cases/publish-heads.ts';
import { verifyBallotChains } from './use-cases/verify-ledger.ts';

/**
 * Decisions 3/4 on the owners of decisions.test-world.ts, voting at building 3栋: the manifest sealed at opening, a
 * receipt per counted ballot, the chain per decision (online, paper, a change across channels, the close), the public
 * board and lookup, the owner's report of a mismatch, the evidence bundles — and the chain's verification naming what
 * was tampered with.
 */
const { env, w, setUp } = useWorld();
const owners = setUp('the owners of compound A', () => addOwners(w));
const { as, advance, postForm, lastCode, openDecision, open } = decisionsDriver(env, w, owners);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const db = () => env.kernel.db;
type Link = { seq: number; kind: string; receipt: string | null; at: Date; channel: string | null; supersedes: string | null; hash: string };
const chainOf = (id: string) => db().selectFrom('dec_chain' as never).selectAll().where('decision_id' as never, '=', id as never).orderBy('seq' as never).execute() as Promise<Link[]>;

async function voteOnline(phone: string, id: string, entryId: string, choice: string, requestKey: string) {
  const s = await as(phone);
  assert.equal((await s.request('POST', `/api/me/decisions/${id}/ballot-code`)).status, 200);
  return s.request('POST', `/api/me/decisions/${id}/ballot`, { entryId, choices: { 1: choice }, code: lastCode(phone), requestKey });
}

describe('receipts, the chain, the board and the bundles', () => {
  let d = { id: '', entries: { bo: '', cai: '', developer: '' } };

  test('opening seals the manifest: items, rules, period, totals and the roll’s hash; the chain starts from its hash', async () => {
    d = await openDecision('3栋外墙维修（证据链）');
    await open(d.id);
    const row = (await db().selectFrom('dec_decisions' as never).select(['manifest', 'manifest_hash'] as never).where('id' as never, '=', d.id as never).executeTakeFirstOrThrow()) as {
      manifest: { items: unknown[]; totals: { heads: number; areaCenti: number }; rollHash: string; rules: { followMajority: { value: boolean } } };
      manifest_hash: string;
    };
    assert.equal(row.manifest_hash, hashOf(row.manifest));
    assert.deepEqual(row.manifest.totals, { heads: 3, areaCenti: 45525 });
    assert.deepEqual(row.manifest.items, [{ no: 1, title: '使用维修资金维修3栋外墙', matter: 5, threshold: 'majority' }]);
    assert.equal(row.manifest.rules.followMajority.value, false);
    assert.match(row.manifest.rollHash, /^[0-9a-f]{64}$/);
  });

  test('an online ballot’s receipt commits to its choices; the chain links it to the manifest; the owner’s message carries it', async () => {
    const cast = await voteOnline(owners.logins.bo.phone, d.id, d.entries.bo, 'for', 'bo-ledger-0001');
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
    const ballot = (await db().selectFrom('dec_ballots' as never).select(['nonce', 'receipt'] as never).where('id' as never, '=', cast.body.id as never).executeTakeFirstOrThrow()) as { nonce: string; receipt: string };
    assert.equal(cast.body.receipt, ballot.receipt);
    assert.equal(ballot.receipt, receiptOf(d.id, rollKey(d.id, d.entries.bo), { 1: 'for' }, ballot.nonce));
    assert.notEqual(ballot.receipt, receiptOf(d.id, rollKey(d.id, d.entries.bo), { 1: 'against' }, ballot.nonce), 'another choice, another receipt');
    const [link] = await chainOf(d.id);
    const sealed = (await db().selectFrom('dec_decisions' as never).select('manifest_hash' as never).where('id' as never, '=', d.id as never).executeTakeFirstOrThrow()) as { manifest_hash: string };
    assert.equal(link!.hash, chainHash(sealed.manifest_hash, { receipt: ballot.receipt, at: link!.at, channel: 'online', supersedes: null }));
    const inbox = await (await as(owners.logins.bo.phone)).request('GET', '/api/notify/inbox');
    assert.ok(inbox.body.items.some((m: { body: string }) => m.body.includes(ballot.receipt.slice(0, 4))), 'the message shows the receipt');
  });

  test('a paper ballot gets its receipt when it counts; online over paper names the paper receipt it supersedes', async () => {
    const staff = await as('committee_staff');
    await staff.request('POST', `/api/decisions/${d.id}/sheets`, {});
    const sheets = (await staff.request('GET', `/api/decisions/${d.id}/sheets?pageSize=100`)).body.items as { entryId: string; code: string }[];
    const code = sheets.find((s) => s.entryId === d.entries.cai)!.code;
    const entered = await postForm('committee_staff', `/api/decisions/${d.id}/paper-ballots`, { sheet: code, choices: '{"1":"against"}' }, { field: 'scan', name: 's.png', type: 'image/png', content: PNG });
    assert.equal(entered.status, 201, JSON.stringify(entered.body));
    const noReceiptYet = (await db().selectFrom('dec_ballots' as never).select('receipt' as never).where('id' as never, '=', entered.body.id as never).executeTakeFirstOrThrow()) as { receipt: string | null };
    assert.equal(noReceiptYet.receipt, null, 'entered is not counted: no receipt');
    await (await as('owners_committee_member')).request('POST', `/api/decisions/${d.id}/paper-ballots/${entered.body.id}/check`, { verdict: 'match' });
    const paper = (await db().selectFrom('dec_ballots' as never).select(['receipt'] as never).where('id' as never, '=', entered.body.id as never).executeTakeFirstOrThrow()) as { receipt: string };
    assert.match(paper.receipt, /^[0-9a-f]{64}$/);
    advance(61_000);
    const online = await voteOnline(owners.logins.cai.phone, d.id, d.entries.cai, 'for', 'cai-ledger-0001');
    assert.equal(online.status, 201, JSON.stringify(online.body));
    const links = await chainOf(d.id);
    assert.deepEqual(
      links.map((l) => [l.seq, l.channel, l.supersedes]),
      [
        [1, 'online', null],
        [2, 'paper', null],
        [3, 'online', paper.receipt],
      ],
    );
    const verified = await verifyBallotChains(db() as never);
    assert.deepEqual(verified.problems, []);
  });

  test('the board lists every counted receipt with no names and no choices; an owner finds theirs; a mismatch reaches the street', async () => {
    const anyone = await env.app.inject({ method: 'GET', url: `/api/public/decisions.board/${d.id}` });
    assert.equal(anyone.statusCode, 200, anyone.body);
    const board = anyone.json();
    const rows = board.sections.find((s: { kind: string }) => s.kind === 'table').rows as string[][];
    assert.equal(rows.length, 3);
    const text = JSON.stringify(board);
    for (const forbidden of ['李波波', '蔡明', '戴琳', '同意', '反对', 'for', 'against']) assert.ok(!text.includes(forbidden), `no ${forbidden} on the board`);
    const links = await chainOf(d.id);
    const mine = links[0]!.receipt!;
    const found = await env.app.inject({ method: 'GET', url: `/api/board/decisions/${d.id}/receipts/${mine.slice(0, 16)}` });
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual([found.json().seq, found.json().receipt], [1, mine]);
    const superseded = await env.app.inject({ method: 'GET', url: `/api/board/decisions/${d.id}/receipts/${links[1]!.receipt}` });
    assert.equal(superseded.json().supersededAt, 3);
    const unknown = await env.app.inject({ method: 'GET', url: `/api/board/decisions/${d.id}/receipts/${'0'.repeat(64)}` });
    assert.equal(unknown.statusCode, 404);
    // Every receipt on the board has a ballot behind it (the foreign key and the verification both hold it).
    const { rows: orphans } = await sql`select c.seq from dec_chain c left join dec_ballots b on b.street_id = c.street_id and b.id = c.ballot_id
      where c.decision_id = ${d.id} and c.kind = 'ballot' and b.id is null`.execute(db());
    assert.equal(orphans.length, 0);

    const report = await (await as(owners.logins.bo.phone)).request('POST', `/api/me/decisions/${d.id}/receipt-reports`, { receipt: 'abcd-ef01-2345-6789', note: '我收到的回执码与公示板不一致' });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const street = await (await as('street_official')).request('GET', '/api/notify/inbox');
    assert.ok(street.body.items.some((m: { title: string }) => m.title.includes('回执') && m.title.includes('3栋外墙维修（证据链）')), 'the street is told');
  });

  test('the bundles: the full one (audited) for those who see choices, the public one for anyone, without choices', async () => {
    assert.equal((await (await as('committee_staff')).request('GET', `/api/decisions/${d.id}/bundle.json`)).status, 403);
    const full = await (await as('owners_committee_member')).request('GET', `/api/decisions/${d.id}/bundle.json`);
    assert.equal(full.status, 200, JSON.stringify(full.body));
    assert.equal(full.body.format, 'gongzhi.decision-bundle/1');
    assert.equal(full.body.ballots.length, 3);
    assert.deepEqual(full.body.ballots.map((b: { status: string }) => b.status).sort(), ['counted', 'counted', 'duplicate']);
    assert.equal(hashOf(full.body.roll), full.body.manifest.rollHash);
    const exported = await db().selectFrom('audit_log').select('action').where('action', '=', 'decisions.bundle.exported').execute();
    assert.equal(exported.length, 1);
    const pub = await env.app.inject({ method: 'GET', url: `/api/board/decisions/${d.id}/bundle.json` });
    assert.equal(pub.statusCode, 200);
    const body = pub.json();
    assert.deepEqual([body.public, body.ballots, body.tally], [true, [], null]);
    assert.equal(body.chain.length, 3);
    assert.ok(!pub.body.includes('"choices"') && !pub.body.includes('李波波'));
  });

  test('the chain names what was tampered with: an edited choice, a link removed, a receipt with no link', async () => {
    const links = await chainOf(d.id);
    const target = (await db().selectFrom('dec_ballots' as never).select(['id', 'choices'] as never).where('receipt' as never, '=', links[0]!.receipt as never).executeTakeFirstOrThrow()) as { id: string; choices: unknown };
    await db().updateTable('dec_ballots' as never).set({ choices: JSON.stringify({ 1: 'against' }) } as never).where('id' as never, '=', target.id as never).execute();
    const edited = await verifyBallotChains(db() as never);
    assert.equal(edited.ok, false);
    assert.ok(edited.problems.some((p) => p.seq === 1 && p.kind === 'edited' && p.message.includes(links[0]!.receipt!)), JSON.stringify(edited.problems));
    await db().updateTable('dec_ballots' as never).set({ choices: JSON.stringify(target.choices) } as never).where('id' as never, '=', target.id as never).execute();
    assert.equal((await verifyBallotChains(db() as never)).ok, true, 'restored');
    // The whole audit report carries the ballot chains.
    const all = await verifyAllChains(db(), MODULES);
    assert.ok(all.some((c) => c.name === 'decisions: ballot chains' && c.ok && c.entries >= 3));
  });

  test('closing closes the chain with H(hₙ ‖ "CLOSE") and publishes that head; the hourly job publishes a moved head once', async () => {
    const e = await openDecision('3栋屋面（链头）');
    await open(e.id);
    assert.deepEqual(await publishChainHeads(env.kernel), { published: 2 }, 'both open decisions: their heads moved since never');
    assert.deepEqual(await publishChainHeads(env.kernel), { published: 0 }, 'nothing moved');
    const cast = await voteOnline(owners.logins.bo.phone, e.id, e.entries.bo, 'for', 'bo-heads-0001');
    assert.equal(cast.status, 201);
    assert.deepEqual(await publishChainHeads(env.kernel), { published: 1 });
    advance(16 * 24 * 60 * 60_000);
    const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${e.id}/close`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
    const links = await chainOf(e.id);
    assert.deepEqual(links.map((l) => l.kind), ['ballot', 'close']);
    assert.equal(links[1]!.hash, closeHash(links[0]!.hash));
    const heads = (await db().selectFrom('dec_chain_heads' as never).select(['seq', 'hash'] as never).where('decision_id' as never, '=', e.id as never).orderBy('published_at' as never).execute()) as { seq: number; hash: string }[];
    assert.deepEqual(heads.at(-1), { seq: 2, hash: links[1]!.hash });
    assert.deepEqual((await verifyBallotChains(db() as never)).problems, []);
    // The scrutineers' bundle of the closed vote verifies in the independent verifier's own process, tally and all;
    // and so does the still-open vote with its paper ballot and a change across channels.
    for (const id of [e.id, d.id]) {
      const bundle = await (await as('owners_committee_member')).request('GET', `/api/decisions/${id}/bundle.json`);
      const run = await runVerifier(bundle.body);
      assert.deepEqual([run.code, run.result.problems], [0, []], id);
    }
  });
});
