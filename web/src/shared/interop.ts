/**
 * A CommonJS file typed `export default` (antd's locales) reaches TypeScript's nodenext resolution
 * as `{ default: T }`, while Vite hands the browser `T` itself; this accepts either.
 */
export const interopDefault = <T>(m: { default: T } | T): T => ((m as { default?: T }).default ?? m) as T;
