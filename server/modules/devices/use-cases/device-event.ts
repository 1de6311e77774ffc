import type { DeviceKind, Direction, EventResult } from '../devices.tables.ts';

/** A registered device as the signed API knows it (its key decrypted), cached by key id. */
export interface DeviceOnRecord {
  streetId: string;
  id: string;
  /** The compound the device stands in. */
  placeId: string;
  kind: DeviceKind;
  name: string;
  secret: string;
}

/** A person (card or QR pass at a gate) or a vehicle (plate, maybe a pass at a barrier) coming or going. */
export interface GateEvent {
  streetId: string;
  placeId: string;
  deviceId: string;
  /** The event's id (dev_events), already chosen: a hook may name it (an alert, a session). */
  eventId: string;
  kind: 'person' | 'vehicle';
  direction: Direction;
  credential: 'card' | 'qr' | 'plate';
  value: string;
  /** The plate of a vehicle that also shows a QR pass at the barrier. */
  plate?: string;
  at: Date;
}

/** What the platform makes of a gate event (the visitors part answers it). */
export interface Identification {
  result: EventResult;
  /** Why a pass was refused, or what marks an unknown (zh-CN, shown on the gate's screen and in the records). */
  reason?: string;
  roomId?: string;
  vehicleId?: string;
  cardId?: string;
  passId?: string;
}
