/** Kysely types of the execution part's own table (migration 0043): the photos of progress updates. */
export interface DlbTaskPhotosTable {
  street_id: string;
  id: string;
  item_id: string;
  task_id: string;
  file_key: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Date;
}

export interface ExecutionTables {
  dlb_task_photos: DlbTaskPhotosTable;
}
