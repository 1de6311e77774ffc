import assert from 'node:assert/strict';
import type { TestEnv, Session } from '../../test/harness.ts';
import type { World } from '../../test/fixture.ts';
import type { RulesSettings } from './decisions.constants.ts';
import type { addOwners } from './decisions.test-world.ts';

const DAY = 24 * 60 * 60_000;

/**
 * Drives decisions through the HTTP API for the tests that run a vote from its roll to its count on the owners of
 * decisions.test-world.ts: sessions per login, the clock, multipart uploads, opening with a second approver.
 */
export function decisionsDriver(env: TestEnv, w: World, owners: Awaited<ReturnType<typeof addOwners>>) {
  /**
   * Sessions expire while the clock runs through notice and voting periods: signed in once per login until it moves.
   * This file signs in more than the 30-a-minute limit per client address allows, so each sign-in comes from its own.
   */
  let clients = 0;
  const sessions = new Map<string, Promise<Session>>();
  const as = (login: string): Promise<Session> => {
    if (!sessions.has(login)) {
      sessions.set(
        login,
        cookieOf(login).then((headers) => ({
          login,
          async request(method, url, body) {
            const r = await env.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
            return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
          },
        })),
      );
    }
    return sessions.get(login)!;
  };
  const advance = (ms: number) => {
    env.clock.advance(ms);
    sessions.clear();
    cookies.clear();
  };
  const lastCode = (phone: string) => /(\d{6})/.exec(env.kernel.sms.outbox!.list({ phone })[0]!.text)![1]!;
  const ballotsOf = (id: string) =>
    env.kernel.db.selectFrom('dec_ballots' as never).selectAll().where('decision_id' as never, '=', id as never).execute() as Promise<
      { id: string; entry_id: string; channel: string; status: string; duplicate_of: string | null; invalid_reason: string | null }[]
    >;
  
  /** A decision at building 3栋 with one item, its roll published, opened after the notice period by a second approver. */
  async function openDecision(title: string) {
    const committee = await as('owners_committee_member');
    const unit = (await env.kernel.db.selectFrom('places').select('parent_id').where('id', '=', owners.rooms.r301).executeTakeFirstOrThrow()).parent_id!;
    const building = (await env.kernel.db.selectFrom('places').select('parent_id').where('id', '=', unit).executeTakeFirstOrThrow()).parent_id!;
    const created = await committee.request('POST', '/api/decisions', {
      placeId: building,
      title,
      organiserKind: 'owners_committee',
      organiserAuthority: '业委会决议',
      items: [{ title: '使用维修资金维修3栋外墙', matter: 5 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal((await committee.request('POST', `/api/decisions/${id}/roll`)).status, 200);
    const roll = (await committee.request('GET', `/api/decisions/${id}/roll`)).body.items as { id: string; areaCenti: number }[];
    const entry = (areaCenti: number) => roll.find((e) => Number(e.areaCenti) === areaCenti)!.id;
    return { id, entries: { bo: entry(18000), cai: entry(10000), developer: entry(17525) } };
  }
  async function open(id: string) {
    advance(15 * DAY);
    const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/open`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
  }
  async function putRulesInForce(settings: RulesSettings, title: string) {
    const committee = await as('owners_committee_member');
    const v = await committee.request('POST', '/api/decisions/rules', { compoundId: w.places.A, title, settings });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    await committee.request('POST', `/api/decisions/rules/${v.body.id}/confirm`);
    await committee.request('POST', `/api/decisions/rules/${v.body.id}/in-force`);
  }
  
  /** A multipart form with text fields and one file, as the workbench sends it. */
  async function postForm(login: string, url: string, fields: Record<string, string>, file: { field: string; name: string; type: string; content: Buffer }) {
    const boundary = '----gz-paper';
    const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    const body = Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await env.app.inject({ method: 'POST', url, headers: { ...(await cookieOf(login)), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    return { status: res.statusCode, body: res.json() };
  }
  /** A session's headers (cookie and CSRF token) for uploads and downloads, signed in once per login (sign-ins are rate-limited). */
  const cookies = new Map<string, Promise<{ cookie: string; 'x-csrf-token': string }>>();
  function cookieOf(login: string) {
    if (!cookies.has(login)) {
      cookies.set(
        login,
        env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'Test@12345' }, remoteAddress: `127.0.${Math.floor(++clients / 250)}.${(clients % 250) + 1}` }).then((res) => ({
          cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`,
          'x-csrf-token': res.json().csrfToken as string,
        })),
      );
    }
    return cookies.get(login)!;
  }
  return { as, advance, cookieOf, postForm, lastCode, ballotsOf, openDecision, open, putRulesInForce };
}
