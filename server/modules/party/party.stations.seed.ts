import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { currentPositions, DEMO_STREET } from '../registry/index.ts';
import { read } from './party.db.ts';
import { weekOf } from './party.stations.constants.ts';
import type { ShiftBody } from './party.stations.schemas.ts';
import { addShifts } from './use-cases/stations-shifts.ts';
import { createStation } from './use-cases/stations-save.ts';

/** The stations part's draws: its own stream. */
export const STATIONS_SEED = 2261;

const SERVICES = ['政策咨询', '代收快递', '便民维修', '老年助餐', '法律援助', '心理疏导', '图书借阅', '矛盾调解', '党员亮身份', '志愿者招募'];
const SPOTS = ['1号楼架空层', '物业服务中心二楼', '南门岗亭东侧', '中心花园旁活动室', '3号楼一楼'];
const VOLUNTEERS = ['刘建华', '陈秀英', '赵志刚', '孙桂兰', '周国强', '吴玉梅', '郑海涛', '王淑芬', '冯立新', '何丽娟'];
const HOURS = [
  [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }, { days: [6], opens: '09:00', closes: '12:00' }],
  [{ days: [1, 2, 3, 4, 5, 6], opens: '08:30', closes: '11:30' }, { days: [1, 2, 3, 4, 5], opens: '14:00', closes: '17:30' }],
  [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '09:00', closes: '18:00' }],
];

/**
 * 红色驿站's part of the demo: a station in each demo compound (「阳光花园红色驿站」 …) with its address, hours and five
 * or six services, and a duty roster for this week and next — a morning and an afternoon shift each open weekday,
 * taken by the compound's party branch officers (registry positions) and named volunteers. A no-op once any exists.
 */
export async function seedStations(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; stations?: number; shifts?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('pty_stations').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const rng = demo.random(STATIONS_SEED);
  const today = chinaDay(demo.now);
  const days = [...weekOf(today), ...weekOf(chinaDay(new Date(demo.now.getTime() + 7 * 86_400_000)))];
  const officers = await currentPositions(read(kernel), { streetId: street.street.id, day: today, organisationKinds: ['party_org'] });
  let shifts = 0;
  for (const [i, c] of street.compounds.entries()) {
    const services = [...SERVICES].sort(() => rng.next() - 0.5).slice(0, rng.int(5, 6));
    const station = await createStation(ctx, {
      compoundId: c.id,
      name: `${c.name}红色驿站`,
      address: `${c.name}${rng.pick(SPOTS)}`,
      hours: HOURS[i % HOURS.length]!,
      services,
      phone: `0571-8${String(6000000 + i * 1013 + rng.int(0, 999)).padStart(7, '0')}`,
      status: 'open',
    });
    const staff = officers.filter((o) => o.organisationName.startsWith(c.name));
    const roster: ShiftBody[] = [];
    for (const day of days) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0) continue;
      const spans: [string, string][] = weekday === 6 ? [['09:00', '12:00']] : [['09:00', '12:00'], ['14:00', '17:00']];
      for (const [starts, ends] of spans) {
        const officer = staff.length && rng.chance(0.5) ? rng.pick(staff) : undefined;
        roster.push(officer ? { day, starts, ends, personId: officer.personId, dutyRole: officer.title } : { day, starts, ends, personName: rng.pick(VOLUNTEERS), dutyRole: rng.pick(['党员志愿者', '楼门长', '党员志愿者']) });
      }
    }
    shifts += (await addShifts(ctx, station.id, roster)).length;
  }
  return { stations: street.compounds.length, shifts };
}
