import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { useShares } from '../api.ts';

/** The places a team or a reward can belong to: the communities (grants) I manage and the compounds under my places. */
export function usePlaceOptions() {
  const me = useSignedIn();
  const shares = useShares();
  const managed = me.grants.filter((g) => (VOLUNTEERS_ROLES.volunteersManage as readonly string[]).includes(g.role));
  const seen = new Set<string>();
  const options = [
    ...managed.map((g) => ({ value: g.placeId, label: g.placeName })),
    ...(shares.data?.compounds ?? []).map((c) => ({ value: c.compoundId, label: c.compoundName })),
  ].filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
  return { options, canManage: managed.length > 0, loading: shares.isLoading };
}
