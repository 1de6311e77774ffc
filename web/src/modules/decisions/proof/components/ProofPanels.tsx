import { Flex } from 'antd';
import type { Decision } from '../../api.ts';
import { DeliveryPanel } from './DeliveryPanel.tsx';
import { ProxiesPanel } from './ProxiesPanel.tsx';

/**
 * The decision page's 委托投票 and 送达 panels, each where it applies: proxies while the roll is out or voting is
 * open and the rules allow them (for the organisers); proof of notice from the roll's publication on.
 */
export function ProofPanels({ decision: d }: { decision: Decision }) {
  const live = d.status === 'roll_published' || d.status === 'open';
  // Full width under the page's two columns: both are wide tables.
  return (
    <Flex vertical gap={16} style={{ marginTop: 16 }}>
      {live && d.can.organise && d.rules.settings.channels.value.proxy && <ProxiesPanel decision={d} />}
      {d.status !== 'draft' && d.rollVersion > 0 && <DeliveryPanel decision={d} />}
    </Flex>
  );
}
