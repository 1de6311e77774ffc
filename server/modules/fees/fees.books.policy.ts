import { definePolicy } from '../../kernel/access/index.ts';
import { BOOKS_ROLES } from './fees.constants.ts';

/** Who may do what with the open books (fees.constants.ts BOOKS_ROLES says what each permission covers). */
export const BooksPolicy = BOOKS_ROLES;
export const { allows: booksAllow, authorize: booksAuthorize, placeFilter: booksPlaceFilter, holdsAnywhere: booksHeldAnywhere } = definePolicy(BooksPolicy);
export type BooksPermission = keyof typeof BooksPolicy;
