import type { Query } from './api.ts';

/** Hands a file made in the browser to the user as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

/** Downloads a file one of the API's GET routes makes (an xlsx, a PDF) with the list's query, saved as `fileName`. */
export async function downloadFrom(path: string, query: Query, fileName: string): Promise<void> {
  const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]]))).toString();
  const res = await fetch(`${path}${qs ? `?${qs}` : ''}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status}`);
  saveBlob(await res.blob(), fileName);
}
