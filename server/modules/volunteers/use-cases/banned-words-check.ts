import { VolunteersErrors } from '../volunteers.errors.ts';
import type { Executor } from '../volunteers.db.ts';

/**
 * Refuses text that contains a word on the street's banned-word list (checked on every posting: listings, care
 * records, task notes). Compared without case and ignoring spaces, so 「微 信 转 账」 is caught as 「微信转账」; the
 * refusal names the word, so the poster can change it.
 */
export async function refuseBannedWords(db: Executor, streetId: string, texts: readonly (string | null | undefined)[]): Promise<void> {
  const words = await db.selectFrom('vol_banned_words').select('word').where('street_id', '=', streetId).execute();
  if (!words.length) return;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  const haystack = texts.filter((t): t is string => !!t).map(norm).join('\n');
  const hit = words.find((w) => norm(w.word) && haystack.includes(norm(w.word)));
  if (hit) throw VolunteersErrors.BANNED_WORD({ word: hit.word });
}
