import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n.ts';

/**
 * The uploaded scan of a sheet, shown beside what was entered: an image as an image. A PDF cannot be shown in the
 * page (stored files are served as downloads, and the app's CSP frames nothing but itself), so it is offered as a
 * download to open beside the form. The file is fetched once: its type decides how to show it.
 */
export function ScanView({ url, height = 460 }: { url: string; height?: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ src: string; image: boolean } | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let src: string | null = null;
    let live = true;
    setState('loading');
    fetch(url, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        src = URL.createObjectURL(blob);
        if (live) setState({ src, image: blob.type.startsWith('image/') });
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
      if (src) URL.revokeObjectURL(src);
    };
  }, [url]);
  return (
    <Flex vertical gap={8}>
      <div style={{ height, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa', overflow: 'auto', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {state === 'loading' ? (
          <Spin />
        ) : state === 'failed' ? (
          <Alert type="error" showIcon title={t('decisionsPaper.scanView.failed')} />
        ) : state.image ? (
          <img src={state.src} alt={t('decisionsPaper.ballots.scan')} style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
        ) : (
          <Flex vertical align="center" gap={12} style={{ padding: 24, textAlign: 'center' }}>
            <FilePdfOutlined style={{ fontSize: 48, color: '#cf1322' }} />
            <Typography.Text>{t('decisionsPaper.scanView.pdf')}</Typography.Text>
            <Button type="primary" icon={<DownloadOutlined />} href={state.src} download="scan.pdf">
              {t('decisionsPaper.scanView.download')}
            </Button>
          </Flex>
        )}
      </div>
      {typeof state === 'object' && state.image && (
        <Typography.Link href={url} download>
          {t('decisionsPaper.scanView.open')}
        </Typography.Link>
      )}
    </Flex>
  );
}
