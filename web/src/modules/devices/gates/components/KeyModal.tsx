import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceKey } from '../api.ts';

/** The device's key, shown this once (after registering or re-keying): the key id and the secret, each with a copy button. */
export function KeyModal({ value, onClose }: { value: DeviceKey; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('devicesGates.key.title', { name: value.name })} onOk={onClose} onCancel={onClose} okText={t('devicesGates.key.done')} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false} width={640}>
      <Alert type="warning" showIcon title={t('devicesGates.key.once')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('devicesGates.key.keyId')}>
          <Typography.Text code copyable>
            {value.keyId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('devicesGates.key.secret')}>
          <Typography.Text code copyable>
            {value.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('devicesGates.key.how')}
      </Typography.Paragraph>
    </Modal>
  );
}
