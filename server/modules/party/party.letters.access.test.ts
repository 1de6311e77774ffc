import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STAFF_ROLES, type StaffRole, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { buildLettersWorld } from './party.letters.test-support.ts';
import { createAnnualLetter } from './use-cases/letters-create-annual.ts';
import { sendAnnualLetter } from './use-cases/letters-send-annual.ts';

/**
 * The access matrix of the letters (issue 22 §2). Letters: community C1 → 税务所 T (sent, and a draft), C1 → 学校 U
 * (sent), C2 → T (sent), and in street S2 邻社区 → Z (sent). Readers by place: the platform admin and the street
 * official (street S: C1 and C2), the community secretary and staff (C1 only). The liaison (granted at S, its person
 * holding a position in T only) reads the letters SENT to T — from any community — and nothing else. Writers: the
 * community's secretary and staff, in their community. Everyone else: the list 403, a letter 404. The role lists are
 * written out again on purpose.
 */
const WRITE: StaffRole[] = ['community_secretary', 'committee_staff'];
const BY_PLACE: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'];
const STREET_WIDE: StaffRole[] = ['platform_admin', 'street_official'];
type Who = StaffRole | 'resident';
const WHO: Who[] = [...STAFF_ROLES, 'resident'];
type Letter = 'c1T' | 'c1Tdraft' | 'c1U' | 'c2T' | 'zZ';
const { env, w, afterSetUp } = useWorld();
const clients = new Map<Who, Client>();
const letters = {} as Record<Letter, string>;
const base = '/api/party/letters';

afterSetUp(async () => {
  const L = await buildLettersWorld(env.kernel, w);
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const sent = async (communityId: string, organisationId: string, year: number, send = true) => {
    const made = await createAnnualLetter(system, { communityId, organisationId, year });
    if (send) await sendAnnualLetter(system, made.id);
    return made.id;
  };
  letters.c1T = await sent(w.places.C1, L.orgs.T, 2025);
  letters.c1Tdraft = await sent(w.places.C1, L.orgs.T, 2024, false);
  letters.c1U = await sent(w.places.C1, L.orgs.U, 2025);
  letters.c2T = await sent(w.places.C2, L.orgs.T, 2025);
  letters.zZ = await sent(w.places.C3, L.orgs.Z, 2025);
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role, PASSWORD));
  clients.set('resident', await signInClient(env.app, '13800000001', PASSWORD));
});

const placeOf: Record<Letter, 'C1' | 'C2' | 'Z'> = { c1T: 'C1', c1Tdraft: 'C1', c1U: 'C1', c2T: 'C2', zZ: 'Z' };
/** Who reads a letter: staff whose grant covers its community; the liaison the letters sent to T. */
function reads(who: Who, letter: Letter): boolean {
  const where = placeOf[letter];
  if (who === 'workplace_party_contact') return letter === 'c1T' || letter === 'c2T';
  if (!(BY_PLACE as Who[]).includes(who) || where === 'Z') return false;
  return where === 'C1' || (STREET_WIDE as Who[]).includes(who);
}

describe('reading', () => {
  test('a letter and its downloads: readers within their places, the liaison only letters sent to its organisation', async () => {
    for (const who of WHO) {
      const c = clients.get(who)!;
      for (const letter of Object.keys(letters) as Letter[]) {
        const want = reads(who, letter) ? 200 : 404;
        assert.equal((await c.request('GET', `${base}/${letters[letter]}`)).status, want, `${who} ${letter}`);
        assert.equal((await c.request('GET', `${base}/${letters[letter]}/letter.pdf`)).status, want, `${who} ${letter} pdf`);
        assert.equal((await c.request('GET', `${base}/${letters[letter]}/letter.xlsx`)).status, want, `${who} ${letter} xlsx`);
      }
    }
  });
  test('the list and its export: the rows each reader may see; no read right anywhere → 403', async () => {
    for (const who of WHO) {
      const c = clients.get(who)!;
      const res = await c.request('GET', `${base}?pageSize=50`);
      const any = (BY_PLACE as Who[]).includes(who) || who === 'workplace_party_contact';
      assert.equal(res.status, any ? 200 : 403, `${who} list`);
      assert.equal((await c.request('GET', `${base}/export.xlsx`)).status, any ? 200 : 403, `${who} export`);
      if (!any) continue;
      const ids = new Set(res.body.items.map((r: { id: string }) => r.id));
      const want = (Object.keys(letters) as Letter[]).filter((l) => reads(who, l)).map((l) => letters[l]);
      assert.deepEqual([...ids].sort(), want.sort(), `${who} list rows`);
    }
  });
});

describe('writing', () => {
  test('生成年度函 at C1: its secretary and staff; readers without the right 403; others 404; at C2 the community’s staff 404', async () => {
    let year = 2015;
    for (const who of WHO) {
      const c = clients.get(who)!;
      const optionsRes = await c.request('GET', `${base}/options`);
      assert.equal(optionsRes.status, (WRITE as Who[]).includes(who) ? 200 : 403, `${who} options`);
      const at = (communityId: string) => c.request('POST', `${base}/annual`, { communityId, organisationId: w.organisations.pc1, year: year++ });
      // The organisation is checked after access: an allowed writer gets 422 (pc1 is no workplace organisation).
      const c1 = await at(w.places.C1);
      const seesC1 = (BY_PLACE as Who[]).includes(who) || who === 'workplace_party_contact';
      assert.equal(c1.status, (WRITE as Who[]).includes(who) ? 422 : seesC1 ? 403 : 404, `${who} C1: ${JSON.stringify(c1.body)}`);
      const c2 = await at(w.places.C2);
      const seesC2 = (STREET_WIDE as Who[]).includes(who) || who === 'workplace_party_contact';
      assert.equal(c2.status, seesC2 ? 403 : 404, `${who} C2`);
    }
  });
  test('发送 a draft at C1: only its secretary and staff (the liaison does not see a draft)', async () => {
    for (const who of WHO.filter((x) => !(WRITE as Who[]).includes(x))) {
      const res = await clients.get(who)!.request('POST', `${base}/${letters.c1Tdraft}/send`);
      assert.equal(res.status, reads(who, 'c1Tdraft') ? 403 : 404, `${who} send`);
    }
    assert.equal((await clients.get('committee_staff')!.request('POST', `${base}/${letters.c1Tdraft}/send`)).status, 200);
  });
  test('函告 at C2 by C1’s staff: 404; the liaison cannot write one', async () => {
    const body = (communityId: string) => ({ communityId, organisationId: w.organisations.pc1, memberId: w.organisations.pc1, subject: '函告', facts: '事实' });
    assert.equal((await clients.get('community_secretary')!.request('POST', `${base}/admonitions`, body(w.places.C2))).status, 404);
    assert.equal((await clients.get('workplace_party_contact')!.request('POST', `${base}/admonitions`, body(w.places.C1))).status, 403);
    assert.equal((await clients.get('street_official')!.request('POST', `${base}/admonitions`, body(w.places.C1))).status, 403);
  });
});
