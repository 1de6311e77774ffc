import type { Generated } from 'kysely';

/** Kysely types of the devices module's own tables (migration 0080_devices.sql says what each holds). */

export type DeviceKind = 'gate' | 'barrier' | 'parking_sensor' | 'counter';
export type DeviceStatus = 'active' | 'disabled';
export type EventKind = 'person' | 'vehicle' | 'space' | 'count';
export type Direction = 'in' | 'out';
export type Credential = 'card' | 'qr' | 'plate';
/** What the platform made of a person or vehicle at a gate. */
export type EventResult = 'resident' | 'visitor' | 'unknown' | 'refused';
export type VehicleKind = 'car' | 'new_energy' | 'motorbike' | 'other';
export type VehicleStatus = 'pending' | 'approved' | 'rejected' | 'removed';
export type CardStatus = 'active' | 'revoked';
export type PassStatus = 'active' | 'cancelled';
export type SpaceKind = 'titled' | 'rented' | 'public';
export type FeeStatus = 'open' | 'free' | 'due' | 'paid' | 'waived';
export type AlertKind = 'overstay' | 'gate_offline' | 'unknown_night';
export type AlertSubject = 'device' | 'session' | 'event';
export type AlertStatus = 'open' | 'handled';

// gates part: the devices, their nonces, their events, the retention setting.
export interface DevDevicesTable {
  /** The street of the device's compound: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  kind: DeviceKind;
  name: string;
  location: Generated<string>;
  key_id: string;
  secret_enc: string;
  status: Generated<DeviceStatus>;
  disabled_reason: Generated<string>;
  disabled_at: Date | null;
  last_seen_at: Date | null;
  offline_alerted_at: Date | null;
  created_by: string | null;
  created_at: Date;
}
export interface DevNoncesTable {
  street_id: string;
  device_id: string;
  nonce: string;
  seen_at: Date;
}
export interface DevEventsTable {
  street_id: string;
  id: string;
  place_id: string;
  device_id: string;
  kind: EventKind;
  direction: Direction | null;
  credential: Credential | null;
  credential_value: string | null;
  result: EventResult | null;
  reason: Generated<string>;
  room_id: string | null;
  vehicle_id: string | null;
  card_id: string | null;
  pass_id: string | null;
  space_no: string | null;
  occupied: boolean | null;
  count: number | null;
  occurred_at: Date;
  received_at: Date;
}
export interface DevSettingsTable {
  street_id: string;
  retention_days: Generated<number>;
  updated_by: string | null;
  updated_at: Date;
}

// visitors part: residents' vehicles and cards, visitor passes.
export interface DevVehiclesTable {
  street_id: string;
  id: string;
  place_id: string;
  room_id: string;
  plate: string;
  kind: Generated<VehicleKind>;
  note: Generated<string>;
  status: Generated<VehicleStatus>;
  added_by: string | null;
  added_by_name: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: Generated<string>;
  created_at: Date;
}
export interface DevCardsTable {
  street_id: string;
  id: string;
  place_id: string;
  room_id: string;
  card_no: string;
  holder_name: Generated<string>;
  status: Generated<CardStatus>;
  issued_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
}
export interface DevPassesTable {
  street_id: string;
  id: string;
  place_id: string;
  room_id: string;
  host_account_id: string;
  host_name: Generated<string>;
  visitor_name: string;
  visitor_phone_enc: string | null;
  visitor_phone_masked: Generated<string>;
  plate: string | null;
  purpose: Generated<string>;
  code: string;
  valid_from: Date;
  valid_to: Date;
  status: Generated<PassStatus>;
  arrived_at: Date | null;
  left_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
}

// parking part: car parks, spaces, temporary parking sessions, alert rules and alerts.
export interface DevCarParksTable {
  street_id: string;
  place_id: string;
  vehicles_inside: Generated<number>;
  free_minutes: Generated<number>;
  hourly_fen: Generated<number>;
  daily_cap_fen: Generated<number>;
  updated_at: Date;
}
export interface DevSpacesTable {
  street_id: string;
  id: string;
  place_id: string;
  no: string;
  kind: SpaceKind;
  room_id: string | null;
  sensor_device_id: string | null;
  occupied: Generated<boolean>;
  occupied_since: Date | null;
  created_at: Date;
}
export interface DevParkingSessionsTable {
  street_id: string;
  id: string;
  place_id: string;
  plate: string;
  pass_id: string | null;
  entered_at: Date;
  exited_at: Date | null;
  fee_fen: number | null;
  fee_status: Generated<FeeStatus>;
  overstay_alerted_at: Date | null;
  /** Migration 0083: who settled the fee (paid or waived), when, with what note. */
  fee_note: Generated<string>;
  settled_by: Generated<string | null>;
  settled_by_name: Generated<string>;
  settled_at: Generated<Date | null>;
}
export interface DevAlertRulesTable {
  street_id: string;
  id: string;
  place_id: string;
  kind: AlertKind;
  grace_minutes: Generated<number>;
  night_from: Generated<string>;
  night_to: Generated<string>;
  enabled: Generated<boolean>;
  created_by: string | null;
  created_at: Date;
}
export interface DevAlertsTable {
  street_id: string;
  id: string;
  place_id: string;
  rule_id: string;
  kind: AlertKind;
  subject_type: AlertSubject;
  subject_id: string;
  summary: string;
  raised_at: Date;
  status: Generated<AlertStatus>;
  handled_by: string | null;
  handled_by_name: Generated<string>;
  handled_at: Date | null;
  note: Generated<string>;
}

export interface DevicesTables {
  dev_devices: DevDevicesTable;
  dev_nonces: DevNoncesTable;
  dev_events: DevEventsTable;
  dev_settings: DevSettingsTable;
  dev_vehicles: DevVehiclesTable;
  dev_cards: DevCardsTable;
  dev_passes: DevPassesTable;
  dev_car_parks: DevCarParksTable;
  dev_spaces: DevSpacesTable;
  dev_parking_sessions: DevParkingSessionsTable;
  dev_alert_rules: DevAlertRulesTable;
  dev_alerts: DevAlertsTable;
}
