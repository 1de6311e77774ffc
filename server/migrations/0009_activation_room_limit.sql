-- Activation: a room whose claims keep failing (someone guessing ID digits from many accounts) stops
-- activating by itself for a day; claims on it wait for the residents' committee instead.
alter table act_claims drop constraint act_claims_reason_check;
alter table act_claims add constraint act_claims_reason_check check (reason in (
  'no_person_named', 'name_ambiguous', 'id_mismatch', 'no_id_on_record', 'person_linked_elsewhere', 'room_paused'));
create index act_claim_attempts_place on act_claim_attempts (place_id, at);
