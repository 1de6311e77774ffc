import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { type Tx, read, write } from '../devices.db.ts';
import { ALERT_KIND_ZH, NIGHT_LOOKBACK_MS } from '../devices.parking.constants.ts';
import type { AlertKind, AlertSubject } from '../devices.tables.ts';
import { chinaMinute } from './parking-access.ts';

const KIND_EN: Record<AlertKind, string> = { overstay: 'Visitor vehicle overstaying', gate_offline: 'Device offline', unknown_night: 'Unknown at night' };

interface Candidate {
  street_id: string;
  place_id: string;
  place_name: string;
  rule_id: string;
  subject_id: string;
}

/**
 * The rule of each kind that applies to each compound: the nearest one at or above it (a compound's own before its
 * community's, before its street's). A disabled nearer rule switches its kind off for the compound.
 */
const applies = sql`
  applies as (
    select * from (
      select distinct on (c.street_id, c.id, r.kind)
        c.street_id, c.id as place_id, c.name as place_name, r.id as rule_id, r.kind, r.grace_minutes, r.night_from, r.night_to, r.enabled
      from dev_alert_rules r
      join street_places rp on rp.street_id = r.street_id and rp.id = r.place_id
      join street_places c on c.street_id = r.street_id and c.kind = 'compound' and c.path like rp.path || '%'
      order by c.street_id, c.id, r.kind, rp.depth desc
    ) nearest
    where enabled
  )`;

/**
 * The alerts job (every minute; idempotent; "now" is the kernel's clock). For each compound under an enabled rule:
 * - overstay: an open temporary parking session on a pass whose valid_to + grace minutes is before now (exactly at
 *   it: not yet) → one alert per session (the session's overstay_alerted_at);
 * - gate_offline: an active device of the compound (any kind) last heard (or, never heard, registered) more than
 *   grace minutes ago → one alert per silence (dev_devices.offline_alerted_at, cleared here once the device is
 *   heard again, so its next silence raises anew);
 * - unknown_night: a person or vehicle event of the last day marked 'unknown' whose time in Shanghai falls in
 *   [night_from, night_to) (wrapping midnight when night_from > night_to; equal: no night) → one alert per event.
 * Each alert is raised once (one open per rule and subject: the unique index) and tells the compound's duty staff
 * (property manager and staff) in their inbox and on WeChat, in the alert's own transaction.
 */
export async function raiseAlerts(kernel: Kernel): Promise<{ raised: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  await kernel.db.transaction().execute(async (tx) => {
    await sql`update dev_devices set offline_alerted_at = null where offline_alerted_at is not null and last_seen_at > offline_alerted_at`.execute(tx);
  });
  const db = read(ctx);
  const overstays = await sql<Candidate & { plate: string; visitor_name: string; valid_to: Date }>`
    with ${applies}
    select a.street_id, a.place_id, a.place_name, a.rule_id, t.id as subject_id, t.plate, v.visitor_name, v.valid_to
    from applies a
    join dev_parking_sessions t on t.street_id = a.street_id and t.place_id = a.place_id and t.exited_at is null and t.overstay_alerted_at is null
    join dev_passes v on v.street_id = t.street_id and v.id = t.pass_id
    where a.kind = 'overstay' and v.valid_to + make_interval(mins => a.grace_minutes) < ${now}
    order by v.valid_to`.execute(db);
  const offline = await sql<Candidate & { name: string; last_seen: Date }>`
    with ${applies}
    select a.street_id, a.place_id, a.place_name, a.rule_id, d.id as subject_id, d.name, coalesce(d.last_seen_at, d.created_at) as last_seen
    from applies a
    join dev_devices d on d.street_id = a.street_id and d.place_id = a.place_id and d.status = 'active' and d.offline_alerted_at is null
    where a.kind = 'gate_offline' and coalesce(d.last_seen_at, d.created_at) + make_interval(mins => a.grace_minutes) < ${now}
    order by d.name`.execute(db);
  const nights = await sql<Candidate & { kind: 'person' | 'vehicle'; credential_value: string | null; occurred_at: Date }>`
    with ${applies}
    select a.street_id, a.place_id, a.place_name, a.rule_id, e.id as subject_id, e.kind, e.credential_value, e.occurred_at
    from applies a
    join dev_events e on e.street_id = a.street_id and e.place_id = a.place_id and e.result = 'unknown'
      and e.kind in ('person', 'vehicle') and e.occurred_at > ${new Date(now.getTime() - NIGHT_LOOKBACK_MS)} and e.occurred_at <= ${now}
    cross join lateral (select to_char(e.occurred_at at time zone 'Asia/Shanghai', 'HH24:MI') as hm) t
    where a.kind = 'unknown_night'
      and case when a.night_from < a.night_to then t.hm >= a.night_from and t.hm < a.night_to
               when a.night_from > a.night_to then t.hm >= a.night_from or t.hm < a.night_to
               else false end
      and not exists (select 1 from dev_alerts x where x.street_id = a.street_id and x.rule_id = a.rule_id and x.subject_id = e.id)
    order by e.occurred_at`.execute(db);

  let raised = 0;
  for (const c of overstays.rows) {
    const summary = `访客车辆 ${c.plate}${c.visitor_name ? `（${c.visitor_name}）` : ''}的通行证已于 ${chinaMinute(c.valid_to)} 到期，仍在场`;
    const summaryEn = `Visitor vehicle ${c.plate}: its pass ended at ${chinaMinute(c.valid_to)}; it is still inside`;
    if (await raise(ctx, c, 'overstay', 'session', summary, summaryEn, (tx) => tx.updateTable('dev_parking_sessions').set({ overstay_alerted_at: now }).where('street_id', '=', c.street_id).where('id', '=', c.subject_id).execute()))
      raised++;
  }
  for (const c of offline.rows) {
    const summary = `设备「${c.name}」自 ${chinaMinute(c.last_seen)} 起无通讯`;
    const summaryEn = `Device "${c.name}" silent since ${chinaMinute(c.last_seen)}`;
    if (await raise(ctx, c, 'gate_offline', 'device', summary, summaryEn, (tx) => tx.updateTable('dev_devices').set({ offline_alerted_at: now }).where('street_id', '=', c.street_id).where('id', '=', c.subject_id).execute()))
      raised++;
  }
  for (const c of nights.rows) {
    const what = c.kind === 'vehicle' ? `陌生车辆 ${c.credential_value ?? ''}` : `未登记门禁卡 ${c.credential_value ?? ''}`;
    const summary = `夜间 ${chinaMinute(c.occurred_at).slice(11)} ${what}通行`;
    const summaryEn = `At night (${chinaMinute(c.occurred_at).slice(11)}): ${c.kind === 'vehicle' ? 'an unknown vehicle' : 'an unregistered card'} ${c.credential_value ?? ''}`;
    if (await raise(ctx, c, 'unknown_night', 'event', summary, summaryEn, async () => {})) raised++;
  }
  return { raised };
}

/** Raises one alert (unless one is open for the rule and subject) and tells the duty staff; `mark` notes it on the subject. */
async function raise(ctx: Ctx, c: Candidate, kind: AlertKind, subjectType: AlertSubject, summary: string, summaryEn: string, mark: (tx: Tx) => Promise<unknown>): Promise<boolean> {
  const now = ctx.kernel.clock.now();
  return write(ctx, async (tx) => {
    const id = newId();
    const inserted = await sql<{ id: string }>`
      insert into dev_alerts (street_id, id, place_id, rule_id, kind, subject_type, subject_id, summary, raised_at)
      values (${c.street_id}, ${id}, ${c.place_id}, ${c.rule_id}, ${kind}, ${subjectType}, ${c.subject_id}, ${summary.slice(0, 200)}, ${now})
      on conflict (street_id, rule_id, subject_id) where status = 'open' do nothing
      returning id`.execute(tx);
    await mark(tx);
    if (!inserted.rows.length) return false;
    await notify(tx, ctx, {
      template: 'devices.parking.alert',
      placeId: c.place_id,
      to: { roles: ['property_manager', 'property_staff'] },
      data: { kindZh: ALERT_KIND_ZH[kind], kindEn: KIND_EN[kind], place: c.place_name, summary, summaryEn, at: chinaMinute(now) },
      subject: { type: 'dev_alert', id },
    });
    return true;
  });
}
