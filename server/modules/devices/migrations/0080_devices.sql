-- 门禁与停车 (Gates and parking, issue 26): the devices at a compound's gates and car parks, the signed events they
-- send, residents' vehicles and access cards, visitor passes, parking spaces and occupancy, temporary parking,
-- alerts, and how long movement records are kept. Every row carries its street, the distribution key
-- (docs/adr/0003-street-keys.md). Movement records (dev_events) hold no face data: a card number, a pass or a plate.

-- A device at a compound: a gate (people), a barrier (vehicles), a parking sensor (one space) or a camera counter
-- (vehicles through a lane). `key_id` names it in the signed API; `secret_enc` is its HMAC key, encrypted
-- (kernel/pii); disabling refuses its next request at once (the check is in the request's own transaction).
create table dev_devices (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  kind text not null check (kind in ('gate', 'barrier', 'parking_sensor', 'counter')),
  name text not null check (length(name) between 1 and 60),
  location text not null default '' check (length(location) <= 100),
  key_id text not null check (key_id ~ '^[a-z0-9]{16,40}$'),
  secret_enc text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  disabled_reason text not null default '' check (length(disabled_reason) <= 200),
  disabled_at timestamptz,
  last_seen_at timestamptz,
  offline_alerted_at timestamptz,
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dev_devices_id on dev_devices (id);
create index dev_devices_place on dev_devices (street_id, place_id, kind);
-- A device names itself by its key id alone (random, 128 bits): unique within its street, looked up across streets.
create unique index dev_devices_key on dev_devices (street_id, key_id);
create index dev_devices_key_lookup on dev_devices (key_id);
comment on table dev_devices is 'distribution: street';

-- Replay protection: each (device, nonce) is taken once; kept a little longer than the timestamp window.
create table dev_nonces (
  street_id uuid not null,
  device_id uuid not null,
  nonce text not null,
  seen_at timestamptz not null,
  primary key (street_id, device_id, nonce)
);
create index dev_nonces_seen on dev_nonces (seen_at);
comment on table dev_nonces is 'distribution: street';

-- Residents' vehicles, per room: added by the owner or tenant on the H5, approved by the property company.
create table dev_vehicles (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  room_id uuid not null,
  plate text not null check (plate ~ '^[A-Z0-9\u4e00-\u9fa5]{5,10}$'),
  kind text not null default 'car' check (kind in ('car', 'new_energy', 'motorbike', 'other')),
  note text not null default '' check (length(note) <= 100),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'removed')),
  added_by uuid references accounts (id),
  added_by_name text not null default '',
  reviewed_by uuid references accounts (id),
  reviewed_at timestamptz,
  review_note text not null default '' check (length(review_note) <= 200),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index dev_vehicles_id on dev_vehicles (id);
create index dev_vehicles_room on dev_vehicles (street_id, room_id);
-- A plate is registered once per compound while pending or approved.
create unique index dev_vehicles_plate on dev_vehicles (street_id, place_id, plate) where status in ('pending', 'approved');
comment on table dev_vehicles is 'distribution: street';

-- Access cards the property company issues to a room (a card number; no face data anywhere).
create table dev_cards (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  room_id uuid not null,
  card_no text not null check (card_no ~ '^[0-9A-F]{6,20}$'),
  holder_name text not null default '' check (length(holder_name) <= 40),
  status text not null default 'active' check (status in ('active', 'revoked')),
  issued_by uuid references accounts (id),
  created_at timestamptz not null,
  revoked_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index dev_cards_id on dev_cards (id);
create unique index dev_cards_no on dev_cards (street_id, place_id, card_no) where status = 'active';
comment on table dev_cards is 'distribution: street';

-- Visitor passes: a resident invites a visitor for a time window; the QR code carries `code`; the gate checks it.
create table dev_passes (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  room_id uuid not null,
  host_account_id uuid not null references accounts (id),
  host_name text not null default '',
  visitor_name text not null check (length(visitor_name) between 1 and 40),
  visitor_phone_enc text,
  visitor_phone_masked text not null default '',
  plate text check (plate ~ '^[A-Z0-9\u4e00-\u9fa5]{5,10}$'),
  purpose text not null default '' check (length(purpose) <= 100),
  code text not null check (code ~ '^[A-Za-z0-9_-]{16,64}$'),
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  status text not null default 'active' check (status in ('active', 'cancelled')),
  arrived_at timestamptz,
  left_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null,
  check (valid_to > valid_from),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index dev_passes_id on dev_passes (id);
-- The QR code (random, 128 bits or more): unique within its street, looked up by the gate's compound.
create unique index dev_passes_code on dev_passes (street_id, code);
create index dev_passes_host on dev_passes (host_account_id, created_at desc);
create index dev_passes_place on dev_passes (street_id, place_id, valid_from desc);
create index dev_passes_plate on dev_passes (street_id, place_id, plate) where plate is not null;
comment on table dev_passes is 'distribution: street';

-- Entry and exit (and sensor and counter) events as the devices sent them, with what the platform made of them:
-- `result` is 'resident' (a registered card or vehicle), 'visitor' (a valid pass), 'unknown' (marked, not
-- refused) or 'refused' (a pass outside its window, cancelled, or of another compound). Purged after the
-- street's retention period (dev_settings).
create table dev_events (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  device_id uuid not null,
  kind text not null check (kind in ('person', 'vehicle', 'space', 'count')),
  direction text check (direction in ('in', 'out')),
  credential text check (credential in ('card', 'qr', 'plate')),
  credential_value text check (length(credential_value) <= 64),
  result text check (result in ('resident', 'visitor', 'unknown', 'refused')),
  reason text not null default '',
  room_id uuid,
  vehicle_id uuid,
  card_id uuid,
  pass_id uuid,
  space_no text,
  occupied boolean,
  count integer,
  occurred_at timestamptz not null,
  received_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, device_id) references dev_devices (street_id, id)
);
create index dev_events_id on dev_events (id);
create index dev_events_place on dev_events (street_id, place_id, occurred_at desc);
create index dev_events_occurred on dev_events (street_id, occurred_at);
create index dev_events_credential on dev_events (street_id, place_id, credential_value, occurred_at desc) where credential_value is not null;
comment on table dev_events is 'distribution: street';

-- How long a street keeps movement records (days), set by the street.
create table dev_settings (
  street_id uuid not null primary key,
  retention_days integer not null default 30 check (retention_days between 1 and 365),
  updated_by uuid references accounts (id),
  updated_at timestamptz not null
);
comment on table dev_settings is 'distribution: street';

-- A compound's car park: its capacity comes from its spaces; without sensors, `vehicles_inside` follows the gate
-- counts (barriers' and counters' vehicle events in minus out, never below zero). Temporary parking's tariff.
create table dev_car_parks (
  street_id uuid not null,
  place_id uuid not null,   -- the compound
  vehicles_inside integer not null default 0 check (vehicles_inside >= 0),
  free_minutes integer not null default 30 check (free_minutes between 0 and 1440),
  hourly_fen integer not null default 500 check (hourly_fen between 0 and 100000),
  daily_cap_fen integer not null default 5000 check (daily_cap_fen between 0 and 1000000),
  updated_at timestamptz not null,
  primary key (street_id, place_id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
comment on table dev_car_parks is 'distribution: street';

-- Parking spaces: titled (产权), rented (租赁) to a room, or public (公共/临停); a sensor may report occupancy.
create table dev_spaces (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  no text not null check (no ~ '^[A-Za-z0-9-]{1,20}$'),
  kind text not null check (kind in ('titled', 'rented', 'public')),
  room_id uuid,
  sensor_device_id uuid,
  occupied boolean not null default false,
  occupied_since timestamptz,
  created_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, place_id, no),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dev_spaces_id on dev_spaces (id);
comment on table dev_spaces is 'distribution: street';

-- Temporary parking: a vehicle that is not a resident's enters (a visitor's or an unknown plate) → a session;
-- its exit closes it with the fee by the car park's tariff. `pass_id`: the pass it came on (its window bounds the stay).
create table dev_parking_sessions (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  plate text not null,
  pass_id uuid,
  entered_at timestamptz not null,
  exited_at timestamptz,
  fee_fen integer check (fee_fen >= 0),
  fee_status text not null default 'open' check (fee_status in ('open', 'free', 'due', 'paid', 'waived')),
  overstay_alerted_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dev_parking_sessions_id on dev_parking_sessions (id);
create index dev_parking_sessions_open on dev_parking_sessions (street_id, place_id, plate) where exited_at is null;
comment on table dev_parking_sessions is 'distribution: street';

-- Alert rules the street or the property company sets for a place (a compound, or a community or street above it).
create table dev_alert_rules (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  kind text not null check (kind in ('overstay', 'gate_offline', 'unknown_night')),
  -- overstay: minutes of grace past the pass; gate_offline: minutes without a request; unknown_night: the night's hours.
  grace_minutes integer not null default 30 check (grace_minutes between 0 and 1440),
  night_from text not null default '23:00' check (night_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  night_to text not null default '06:00' check (night_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  enabled boolean not null default true,
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dev_alert_rules_id on dev_alert_rules (id);
comment on table dev_alert_rules is 'distribution: street';

-- Alerts raised by the rules, each handled with a note. One open alert per rule and subject.
create table dev_alerts (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,   -- the compound
  rule_id uuid not null,
  kind text not null check (kind in ('overstay', 'gate_offline', 'unknown_night')),
  subject_type text not null check (subject_type in ('device', 'session', 'event')),
  subject_id uuid not null,
  summary text not null check (length(summary) between 1 and 200),
  raised_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'handled')),
  handled_by uuid references accounts (id),
  handled_by_name text not null default '',
  handled_at timestamptz,
  note text not null default '' check (length(note) <= 500),
  primary key (street_id, id),
  foreign key (street_id, rule_id) references dev_alert_rules (street_id, id)
);
create index dev_alerts_id on dev_alerts (id);
create index dev_alerts_place on dev_alerts (street_id, place_id, raised_at desc);
create unique index dev_alerts_open on dev_alerts (street_id, rule_id, subject_id) where status = 'open';
comment on table dev_alerts is 'distribution: street';
