import { Alert, Card, Flex, QRCode, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CheckMode, useCode } from '../api.ts';

/**
 * The organiser's phone: the current 签到码 or 签退码 in big digits with a QR code of the H5 check-in link, refreshing
 * by itself when its 30-second window ends. The code is made on the server from a secret the page never sees.
 */
export function CodePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [mode, setMode] = useState<CheckMode>('in');
  const code = useCode(id, mode);
  const link = code.data ? `${window.location.origin}/h5/volunteers/check-in?code=${code.data.code}` : '';
  return (
    <Flex vertical align="center" gap={16} style={{ maxWidth: 480, margin: '0 auto', padding: 8 }}>
      <Link to={`/volunteers/activities/${id}`}>{t('volActivities.code.back')}</Link>
      <Segmented<CheckMode>
        size="large"
        block
        style={{ width: '100%' }}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'in', label: t('volActivities.code.in') },
          { value: 'out', label: t('volActivities.code.out') },
        ]}
      />
      {code.isError ? (
        <Alert type="error" showIcon message={code.error.message} />
      ) : (
        <Card style={{ width: '100%', textAlign: 'center' }} loading={code.isLoading}>
          {code.data && (
            <Flex vertical align="center" gap={12}>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {code.data.title} · {t(`volActivities.code.${code.data.mode}`)}
              </Typography.Title>
              <div
                data-testid="activity-code"
                aria-label={t(`volActivities.code.${code.data.mode}`)}
                style={{ fontSize: 'min(18vw, 72px)', fontWeight: 700, letterSpacing: '0.15em', fontFamily: 'monospace', color: mode === 'in' ? '#cf1322' : '#0958d9' }}
              >
                {code.data.code}
              </div>
              <QRCode value={link} size={220} />
              <Typography.Text type="secondary">{t('volActivities.code.hint')}</Typography.Text>
              <Typography.Text type="secondary">{t('volActivities.code.refresh', { seconds: code.data.windowSeconds })}</Typography.Text>
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  );
}
