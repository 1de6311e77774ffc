import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './devices.db.ts';
import { registerDevice } from './use-cases/gates-device-register.ts';

/** The compound with the car park's sensors (and the demo's residents). */
export const DEMO_SENSOR_COMPOUND = '阳光花园';
/** The spaces of 阳光花园's basement with a sensor each: the parking part's seed makes spaces of these numbers. */
export const DEMO_SENSOR_SPACES = ['B1-001', 'B1-002', 'B1-003', 'B1-004', 'B1-005', 'B1-006', 'B1-007', 'B1-008'];
/** The compound whose west gate counts vehicles (a camera counter, no barrier's plates). */
export const DEMO_COUNTER_COMPOUND_INDEX = 1;

/**
 * The gates part of the demo: at each compound of the demo street a pedestrian gate (东门人行闸机) and a vehicle barrier
 * (东门车辆道闸); at 阳光花园 a sensor per basement space (地库车位传感器); at the second compound a lane counter
 * (西门车流计数). Registered as the property manager where wuye serves, as the system elsewhere, through the use case:
 * keys made and stored encrypted as usual (the traffic seed decrypts them to sign its requests).
 */
export async function seedGates(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; devices?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('dev_devices').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const wuye = await demo.as('wuye');
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  let devices = 0;
  for (const [i, compound] of street.compounds.entries()) {
    const ctx = wuye?.actor.grants.some((g) => g.placeId === compound.id && g.role === 'property_manager') ? wuye : system;
    const add = async (kind: 'gate' | 'barrier' | 'parking_sensor' | 'counter', name: string, location: string) => {
      await registerDevice(ctx, { placeId: compound.id, kind, name, location });
      devices++;
    };
    await add('gate', '东门人行闸机', '东门岗亭旁');
    await add('barrier', '东门车辆道闸', '东门车行道');
    if (compound.name === DEMO_SENSOR_COMPOUND) for (const no of DEMO_SENSOR_SPACES) await add('parking_sensor', `地库车位传感器 ${no}`, `地下车库 ${no}`);
    if (i === DEMO_COUNTER_COMPOUND_INDEX) await add('counter', '西门车流计数', '西门车行道');
  }
  return { devices };
}
