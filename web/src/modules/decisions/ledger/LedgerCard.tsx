import { DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { PublicPageButton } from '../../../workbench/components/PublicPageButton.tsx';
import type { Decision } from '../api.ts';
import './i18n.ts';

/**
 * 证据链与公示板 on the decision page, once voting opened: the manifest's hash sealed at opening, how many receipts
 * are chained, the last published head; the public board (QR code for the lobby), the public bundle, and — for those
 * who see choices — the full evidence bundle for the independent verifier.
 */
export function LedgerCard({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  if (!['open', 'closed', 'published'].includes(d.status)) return null;
  if (!d.ledger) {
    return (
      <Card title={t('decisionsLedger.card.title')} style={{ marginBottom: 16 }}>
        <Alert type="info" showIcon title={t('decisionsLedger.card.notSealed')} />
      </Card>
    );
  }
  const { ledger } = d;
  return (
    <Card title={t('decisionsLedger.card.title')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('decisionsLedger.card.manifest')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {ledger.manifestHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('decisionsLedger.card.receipts')}>{ledger.receipts}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsLedger.card.head')}>
          {ledger.head ? (
            <Space direction="vertical" size={0}>
              <span>{t('decisionsLedger.card.headValue', { seq: ledger.head.seq, at: formatDateTime(ledger.head.publishedAt) })}</span>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {ledger.head.hash}
              </Typography.Text>
            </Space>
          ) : (
            t('decisionsLedger.card.none')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        <PublicPageButton pageKey="decisions.board" id={d.id} />
        <Button icon={<LinkOutlined />} href={`/h5/p/decisions.board/${d.id}`} target="_blank" rel="noopener">
          {t('decisionsLedger.card.board')}
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/board/decisions/${d.id}/bundle.json`}>
          {t('decisionsLedger.card.publicBundle')}
        </Button>
        {d.can.seeChoices && (
          <Button type="primary" icon={<DownloadOutlined />} href={`/api/decisions/${d.id}/bundle.json`} title={t('decisionsLedger.card.fullBundleHint')}>
            {t('decisionsLedger.card.fullBundle')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('decisionsLedger.card.verifierHint')}
      </Typography.Paragraph>
    </Card>
  );
}
