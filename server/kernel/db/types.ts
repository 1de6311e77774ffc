/**
 * The project's type parsers for every connection: int8 → number (counts, fen and hundredths of m² stay far below 2^53), numeric →
 * string (exact), date → 'YYYY-MM-DD' string (no time-zone shift), timestamptz → Date.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184, TIMESTAMP: 1114 } as const;

export const parsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: (v) => Number(v),
  [OID.NUMERIC]: (v) => v,
  [OID.DATE]: (v) => v,
  [OID.TIMESTAMPTZ]: (v) => new Date(v),
};
