/**
 * The check that a public page's payload carries no personal data: every string (and number) in it,
 * wherever it sits, is searched for a mainland mobile number (also written with spaces or dashes), an
 * ID number (18 digits, the last may be X, or the old 15), and the full name of any person the caller
 * knows of (the test passes the registry's). A masked name (王*, 王**) may stand only at the paths the
 * page declares in `maskedNames`, and those paths hold masked names only.
 */
export interface PiiFinding {
  /** Where: `sections[1].items[3].by`. */
  path: string;
  kind: 'phone' | 'id_number' | 'full_name' | 'masked_name_undeclared' | 'not_masked';
  /** What matched, for the failure message (a test's own data). */
  match: string;
}

const PHONE = /(?<![\d])1[3-9]\d(?:[ -]?\d){8}(?!\d)/;
/** Record ids in links: their hex digits can spell a phone number (…-f139-7016-9227-…), so they are not scanned. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/**
 * Hashes a ballot board shows (a SHA-256 whole or in groups of eight, a receipt's first 16 hex digits in groups of
 * four): random hex whose digits can spell a phone number too, and never personal data.
 */
const HASHES = /(?<![0-9a-f])(?:[0-9a-f]{64}|[0-9a-f]{8}(?: [0-9a-f]{8}){7}|[0-9a-f]{4}(?:-[0-9a-f]{4}){3})(?![0-9a-f])/gi;
const ID_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/;
/** One Han character (or a Latin initial) followed by stars: how names are masked for neighbours. */
const MASKED_NAME = /[\p{Script=Han}A-Za-z]\*{1,3}/u;
const WHOLLY_MASKED_NAME = /^[\p{Script=Han}A-Za-z]\*{1,3}$/u;

/** `sections[2].items[0].by` → `sections[].items[].by`: how `maskedNames` are written. */
export const declaredPathOf = (path: string) => path.replace(/\[\d+\]/g, '[]');

/**
 * Every personal datum found in `payload`. `fullNames`: names to look for (two characters or more;
 * shorter ones would match everywhere); `maskedNames`: the page's declared paths.
 */
export function scanForPersonalData(payload: unknown, opts: { fullNames?: Iterable<string>; maskedNames?: string[] } = {}): PiiFinding[] {
  const names = [...new Set([...(opts.fullNames ?? [])].map((n) => n.trim()).filter((n) => [...n].length >= 2))];
  const declared = new Set(opts.maskedNames ?? []);
  const findings: PiiFinding[] = [];
  const check = (raw: string, path: string) => {
    const text = raw.replace(UUID, ' ').replace(HASHES, ' ');
    const phone = PHONE.exec(text);
    if (phone) findings.push({ path, kind: 'phone', match: phone[0] });
    const id = ID_NUMBER.exec(text);
    if (id) findings.push({ path, kind: 'id_number', match: id[0] });
    for (const name of names) if (text.includes(name)) findings.push({ path, kind: 'full_name', match: name });
    if (declared.has(declaredPathOf(path))) {
      if (raw !== '' && !WHOLLY_MASKED_NAME.test(raw)) findings.push({ path, kind: 'not_masked', match: raw });
    } else {
      const masked = MASKED_NAME.exec(text);
      if (masked) findings.push({ path, kind: 'masked_name_undeclared', match: masked[0] });
    }
  };
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') check(value, path);
    else if (typeof value === 'number' || typeof value === 'bigint') check(String(value), path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(payload, '');
  return findings;
}
