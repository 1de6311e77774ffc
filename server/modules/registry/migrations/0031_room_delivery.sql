-- The day a room was delivered to its buyer (交付). Until then a sold room still counts with the developer's
-- one head on an owners' vote (SPC interpretation on building ownership, art. 9). Null: delivered before
-- the registry kept the date, which is every room a street imports today.
alter table reg_rooms add column delivered_on date;
