-- Every app process caches resolved sessions (account, grants, CSRF token) for a few seconds
-- (server/kernel/auth/session-cache.ts). Whatever changes what a session may do — a sign-out or an
-- expired session, a grant given or taken, an account disabled or its password, person or language
-- changed, a place renamed or moved — tells every process at once, from the database itself, so no
-- code path (or hand-written SQL) can forget to. NOTIFY is delivered at commit, never for a rollback.
-- The same ids are also noted in the transaction (setting gongzhi.auth_changed), so the process that
-- made the change forgets them the moment it commits, without waiting for its own notification.

create or replace function gongzhi_notify_auth_change() returns trigger language plpgsql as $$
declare
  ids text[] := case when tg_level = 'STATEMENT' then array['*'] else array[]::text[] end;
  id text;
begin
  if tg_level = 'ROW' and tg_op in ('UPDATE', 'DELETE') then
    ids := ids || (to_jsonb(old) ->> tg_argv[0]);
  end if;
  if tg_level = 'ROW' and tg_op in ('UPDATE', 'INSERT') then
    ids := ids || (to_jsonb(new) ->> tg_argv[0]);
  end if;
  foreach id in array ids loop
    perform pg_notify('gongzhi_auth', id);
    perform set_config('gongzhi.auth_changed', coalesce(current_setting('gongzhi.auth_changed', true), '') || ',' || id, true);
  end loop;
  return null;
end $$;

create trigger grants_auth_change after insert or update or delete on grants
  for each row execute function gongzhi_notify_auth_change('account_id');
create trigger accounts_auth_change after update or delete on accounts
  for each row execute function gongzhi_notify_auth_change('id');
create trigger sessions_auth_change after delete on sessions
  for each row execute function gongzhi_notify_auth_change('account_id');
-- A grant's place carries its path and name into the cached actor.
create trigger places_auth_change after update of path, name, parent_id on places
  for each statement execute function gongzhi_notify_auth_change();
