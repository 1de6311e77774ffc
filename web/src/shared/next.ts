/**
 * Where to go after signing in: the page a stranger was sent away from, carried in `?next=`. Both
 * shells use it, so a link (a notice's QR code, a bookmark) still lands where it pointed.
 */
export const loginPathFor = (location: { pathname: string; search: string }) => {
  const next = location.pathname + location.search;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
};

/** Only same-site paths are followed after sign-in, never a full URL someone slipped into the link. */
export const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');
