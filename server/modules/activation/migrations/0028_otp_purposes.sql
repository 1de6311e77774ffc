-- One-time codes serve more than sign-up: a resident's password reset ('reset', forgot password) and an
-- owner's ballot confirmation ('ballot', owners' voting). Each purpose keeps its own throttle and its own
-- open code (activation's issue-otp.ts), so a code sent for one can never be used for another.
alter table act_otps drop constraint act_otps_purpose_check;
alter table act_otps add constraint act_otps_purpose_check check (purpose in ('signup', 'reset', 'ballot'));
comment on table act_otps is 'distribution: coordinator — one-time SMS codes (sign-up, password reset, ballots), keyed by phone before anyone has a street';
