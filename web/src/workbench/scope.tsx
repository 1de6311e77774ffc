import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { usePlace } from '../modules/registry/index.ts';
import { ApiError } from '../shared/api.ts';
import { readStoredJson, writeStored } from '../shared/storage.ts';

/** The place every workbench page is scoped to; null means "everything my grants cover". */
export interface Scope {
  id: string;
  name: string;
}

interface ScopeState {
  scope: Scope | null;
  setScope: (scope: Scope | null) => void;
}

const ScopeContext = createContext<ScopeState>({ scope: null, setScope: () => {} });

/** Remembers the chosen place per account, so a shared computer does not mix two officials' scopes. */
export function ScopeProvider({ accountId, children }: { accountId: string; children: ReactNode }) {
  const key = `gz.scope.${accountId}`;
  const [scope, setScopeState] = useState<Scope | null>(() => readStoredJson<Scope>(key));
  const setScope = (next: Scope | null) => {
    setScopeState(next);
    writeStored(key, next ? JSON.stringify(next) : null);
  };
  return (
    <ScopeContext value={{ scope, setScope }}>
      {scope && <ForgetLostScope scope={scope} onLost={() => setScope(null)} />}
      {children}
    </ScopeContext>
  );
}

/** A remembered place may since have been deleted or left the user's grants: then forget it. */
function ForgetLostScope({ scope, onLost }: { scope: Scope; onLost: () => void }) {
  const place = usePlace(scope.id);
  const lost = place.error instanceof ApiError && (place.error.status === 404 || place.error.status === 403);
  useEffect(() => {
    if (lost) onLost();
  }, [lost, onLost]);
  return null;
}

export const useScope = () => useContext(ScopeContext);
