import type { ReactNode } from 'react';

/** The page's one h1, in the bar at the top of the phone screen. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <header className="gz-titlebar">
      <h1>{children}</h1>
    </header>
  );
}
