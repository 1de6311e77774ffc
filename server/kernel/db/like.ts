/**
 * User text inside a LIKE pattern, matched literally: `%`, `_` and the escape character `\` (LIKE's
 * default escape in PostgreSQL) are escaped, so a search for "%" finds a percent sign, not everything.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `name like containing(q)`: the text anywhere. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;

/** `phone_masked like endingWith(q)`: the text at the end. */
export const endingWith = (text: string): string => `%${escapeLike(text)}`;
