-- When a published notice was pushed to its residents (kernel/notify/): at publication, or on its first
-- valid day when it was published ahead. Notices published before notifications existed count as told.
alter table ntc_notices add column announced_at timestamptz;
update ntc_notices set announced_at = published_at where status = 'published';
create index ntc_notices_unannounced on ntc_notices (valid_from) where status = 'published' and announced_at is null;
