/** Yuan with two decimals from integer fen ("-210.33"): integer arithmetic, no floating point. Every fees part shows money so. */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
