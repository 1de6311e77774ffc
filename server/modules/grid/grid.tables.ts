import type { Generated } from 'kysely';

/**
 * Kysely types of the grid module's own tables (migrations/0072_grid.sql and after). Every row carries its street,
 * the distribution key (docs/adr/0003-street-keys.md).
 */
export type FileSubject = 'event' | 'record' | 'case';
export type FileKind = 'photo' | 'document';
export type FileMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface GridFilesTable {
  street_id: string;
  id: string;
  subject_type: FileSubject;
  subject_id: string;
  place_id: string;
  kind: Generated<FileKind>;
  label: Generated<string>;
  file_key: string | null;
  mime: FileMime;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  purged_at: Date | null;
}

// The parts add their tables below, each in its own block (events, collection, agency).

export interface GridTables {
  grid_files: GridFilesTable;
  // The parts' tables, one line each:
}
