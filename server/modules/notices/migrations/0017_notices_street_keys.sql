-- The notices module's tables carry their street (docs/adr/0003-street-keys.md).

alter table ntc_notices add column street_id uuid;
update ntc_notices n set street_id = p.street_id from street_places p where p.id = n.place_id;
alter table ntc_attachments add column street_id uuid;
update ntc_attachments a set street_id = n.street_id from ntc_notices n where n.id = a.notice_id;
alter table ntc_reads add column street_id uuid;
update ntc_reads r set street_id = n.street_id from ntc_notices n where n.id = r.notice_id;

alter table ntc_notices drop constraint ntc_notices_pkey cascade;
alter table ntc_attachments drop constraint ntc_attachments_pkey;
alter table ntc_reads drop constraint ntc_reads_pkey;

alter table ntc_notices
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);
create index ntc_notices_id on ntc_notices (id);

alter table ntc_attachments
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, notice_id) references ntc_notices (street_id, id);
create index ntc_attachments_id on ntc_attachments (id);

alter table ntc_reads
  alter column street_id set not null,
  add primary key (street_id, notice_id, account_id),
  add foreign key (street_id, notice_id) references ntc_notices (street_id, id);

comment on table ntc_notices is 'distribution: street';
comment on table ntc_attachments is 'distribution: street';
comment on table ntc_reads is 'distribution: street';
