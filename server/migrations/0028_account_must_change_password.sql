-- An administrator's password reset (forgot password, staff) hands out a temporary password: the account must
-- set a password of its own before it works on. Cleared by the account's own change of password.
alter table accounts add column must_change_password boolean not null default false;
