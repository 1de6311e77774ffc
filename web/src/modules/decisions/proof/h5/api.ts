import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HOME_KEY } from '../../../../resident/home.ts';
import { apiPost } from '../../../../shared/api.ts';
import { myDecisionKeys } from '../../h5/api.ts';

/** The owner withdraws a proxy registered for their home (refused once the proxy has voted). */
export function useRevokeProxy(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (proxyId: string) => apiPost<{ id: string; status: 'revoked' }>(`/api/me/decisions/${id}/proxies/${proxyId}/revoke`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myDecisionKeys.all });
      void client.invalidateQueries({ queryKey: HOME_KEY });
    },
  });
}
