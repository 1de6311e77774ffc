-- Elderly mode (适老化: large type, high contrast) belongs to the account, not the device: a resident who
-- turns it on at home finds it on at their daughter's phone too.
alter table accounts add column elderly boolean not null default false;
