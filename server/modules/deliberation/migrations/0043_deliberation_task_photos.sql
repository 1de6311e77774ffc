-- Stage 4's progress photos (issue 17 §1.4): kernel files are keyed by their content hash, so each photo gets a
-- row of its own whose id is what dlb_task_updates.photo_ids lists and what the access-checked photo route serves.
create table dlb_task_photos (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  task_id uuid not null,
  file_key text not null,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0),
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, task_id) references dlb_tasks (street_id, id)
);
create index dlb_task_photos_id on dlb_task_photos (id);
create index dlb_task_photos_key on dlb_task_photos (file_key);
comment on table dlb_task_photos is 'distribution: street';

-- The tracking page and the task list read open tasks per item by deadline.
create index dlb_tasks_item_deadline on dlb_tasks (street_id, item_id, deadline);
