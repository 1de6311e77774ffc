import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { gatesPart } from './devices.gates.part.ts';
import { parkingPart } from './devices.parking.part.ts';
import { trafficPart } from './devices.traffic.part.ts';
import { visitorsPart } from './devices.visitors.part.ts';

/**
 * 门禁与停车 (Gates and parking, issue 26): the only part of the platform that strangers' machines write to. Devices at a
 * compound's gates and car parks (gates, barriers, parking sensors, camera counters) sign every request with their
 * own key; the platform records who came and went (by card, QR pass or plate — never a face), keeps it only as long
 * as the street says, and shows it only to the compound's property staff and the street. Residents register their
 * vehicles and invite visitors from their phones; the property company sees live occupancy and handles alerts.
 * The parts in the order their demo runs: devices, then residents' vehicles and passes, then parking.
 */
export const devicesModule: Module = moduleOfParts('devices', [gatesPart, visitorsPart, parkingPart, trafficPart]);

export { DevicesPolicy } from './devices.policy.ts';
export type { DevicesTables } from './devices.tables.ts';
