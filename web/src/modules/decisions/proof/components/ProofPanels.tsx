import { Flex } from 'antd';
import type { Decision } from '../../api.ts';
import { DeliveryPanel } from './DeliveryPanel.tsx';
import { ProxiesPanel } from './ProxiesPanel.tsx';

/**
 * The decision page's 委托投票 and 送达 panels, each where it applies: proxies while the roll is out or voting is
 * open and the rules allow them (for the organisers); proof of notice from the roll's publication on.
 */
export function ProofPanels({ decision: d }: { decision: Decision }) {
  const proxies = (d.status === 'roll_published' || d.status === 'open') && d.can.organise && d.rules.settings.channels.value.proxy;
  const delivery = d.status !== 'draft' && d.rollVersion > 0;
  if (!proxies && !delivery) return null;
  // Full width under the page's two columns: both are wide tables.
  return (
    <Flex vertical gap={16} style={{ marginTop: 16 }}>
      {proxies && <ProxiesPanel decision={d} />}
      {delivery && <DeliveryPanel decision={d} />}
    </Flex>
  );
}
