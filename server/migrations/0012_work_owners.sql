-- Work that outlives a request records the app process that runs it (kernel/db/liveness.ts), so that
-- after a crash any process can tell work whose process is gone from work still under way.
alter table tasks add column owner integer;
alter table reg_imports add column owner integer;
