import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReissueCode, useRoomCode } from '../api.ts';
import '../i18n.ts';

/**
 * On a room's page, for those who print activation slips: the household's activation code, and
 * 重新生成激活码 when a slip is lost or reached the wrong person (the old code stops working); a room
 * without a code yet is offered 生成激活码 instead, since there is nothing to regenerate or invalidate.
 */
export function RoomCodeButton({ placeId, kind }: { placeId: string; kind: string }) {
  if (kind !== 'room') return null;
  return <RoomCode roomId={placeId} />;
}

function RoomCode({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useRoomCode(roomId);
  const reissue = useReissueCode(roomId);
  if (!info.data?.canReissue) return null;
  // Texts for a first code or a new one: activation.slips.issue… / activation.slips.reissue…
  const k = info.data.code ? 'reissue' : 'issue';
  return (
    <>
      <Typography.Text type="secondary">
        {t('activation.slips.code')}: {info.data.code ? <Typography.Text code copyable>{info.data.code}</Typography.Text> : t('activation.slips.none')}
      </Typography.Text>
      <Popconfirm
        title={t(`activation.slips.${k}Title`)}
        description={<div style={{ maxWidth: 320 }}>{t(`activation.slips.${k}Body`)}</div>}
        okText={t(`activation.slips.${k}Ok`)}
        okButtonProps={{ danger: !!info.data.code }}
        onConfirm={() =>
          reissue.mutateAsync().then(
            (r) => void message.success(t(info.data?.code ? 'activation.slips.reissued' : 'activation.slips.issued', { code: r.code })),
            (err: Error) => void message.error(err.message),
          )
        }
      >
        <Button icon={<KeyOutlined />} loading={reissue.isPending}>
          {t(`activation.slips.${k}`)}
        </Button>
      </Popconfirm>
    </>
  );
}
