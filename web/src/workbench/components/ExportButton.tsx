import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The "export xlsx" button of a page: off while there is nothing to export or more than `limit`
 * rows, counting rows while a long list is fetched page by page, and saying how it ended. Its texts
 * are the page's own, under `i18nPrefix`: export, and where the page has them exportTooMany,
 * exportProgress, exported.
 */
export function ExportButton({
  total,
  limit = Number.POSITIVE_INFINITY,
  i18nPrefix,
  run,
}: {
  total: number;
  limit?: number;
  i18nPrefix: string;
  /** Writes the file; may report progress; resolves to the number of rows exported. */
  run: (progress: (done: number, total: number) => void) => Promise<number | void>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<string | null>(null);
  const key = (k: string) => `${i18nPrefix}.${k}`;
  const counting = i18n.exists(key('exportProgress'));
  const onClick = async () => {
    setProgress(counting ? t(key('exportProgress'), { done: 0, total }) : t(key('export')));
    try {
      const n = await run((done, all) => counting && setProgress(t(key('exportProgress'), { done, total: all })));
      if (typeof n === 'number' && i18n.exists(key('exported'))) void message.success(t(key('exported'), { count: n }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={onClick}
      loading={progress !== null}
      disabled={!total || total > limit}
      title={total > limit ? t(key('exportTooMany'), { limit }) : undefined}
    >
      {progress ?? t(key('export'))}
    </Button>
  );
}
