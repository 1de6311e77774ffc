import { Alert, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n.ts';

/**
 * The uploaded scan of a sheet, shown beside what was entered: an image as an image, a PDF in a frame. The file is
 * fetched once (its type decides how to show it); the link opens the original in a new window.
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
          <iframe src={state.src} title={t('decisionsPaper.ballots.scan')} style={{ width: '100%', height: '100%', border: 0 }} />
        )}
      </div>
      <Typography.Link href={url} target="_blank" rel="noopener">
        {t('decisionsPaper.scanView.open')}
      </Typography.Link>
    </Flex>
  );
}
