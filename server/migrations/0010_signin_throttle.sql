-- Sign-in throttling by (login, client address) with a growing delay, instead of a lock on the login
-- that anyone who knows it could trigger (server/kernel/auth/throttle.ts).

-- Failures so far were counted per login only; they are short-lived, so start afresh.
delete from auth_failures;
-- Keyed hash of the client's address: which (login, address) pair failed, without storing the address.
alter table auth_failures add column client_hash text not null;
drop index auth_failures_lookup;
create index auth_failures_login on auth_failures (identifier_hash, at);
create index auth_failures_pair on auth_failures (identifier_hash, client_hash, at);

-- Clients (an address, or a browser's device cookie) that signed in to a login successfully: they may
-- still try when the login is under attack from elsewhere.
create table auth_known_clients (
  identifier_hash text not null,
  client_hash text not null,
  last_success_at timestamptz not null,
  primary key (identifier_hash, client_hash)
);
