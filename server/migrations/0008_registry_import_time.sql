-- Registry import, second form: a commit COPYs the planned rows straight into the registry in one
-- transaction (the staging tables now carry only updates; places are never staged).
drop table reg_import_places;

-- Row timestamps follow the application's clock when a transaction sets `gongzhi.now` (an import's
-- COPY, whose rows were prepared before the commit and so cannot carry the commit's time), and the
-- database's otherwise. nullif: once set in a session, an unset value reads as '' not null.
alter table places alter column created_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table places alter column updated_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table reg_rooms alter column updated_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table reg_persons alter column created_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table reg_persons alter column updated_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table reg_households alter column created_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
alter table reg_households alter column updated_at set default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now());
