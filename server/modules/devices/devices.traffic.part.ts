import type { DevicesPart } from './devices.part.ts';
import { seedTraffic } from './devices.traffic.seed.ts';

/**
 * The demo's gate traffic (issue 26 §7), last of the parts: its seed sends a day of realistic events through the
 * signed device API once the devices, residents' cards and vehicles, passes and spaces are there.
 */
export const trafficPart: DevicesPart = { seed: seedTraffic };
