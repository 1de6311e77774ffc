import { v7 } from 'uuid';

/** Time-ordered UUIDv7: sortable, safe to expose, spreads well when a city shards by place. */
export const newId = (): string => v7();

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
