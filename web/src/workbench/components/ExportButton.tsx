import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The "export xlsx" button of a list page: off while the list is empty or longer than `limit`,
 * counting rows while they are fetched page by page, and saying how it ended. Its texts are the
 * page's own, under `i18nPrefix`: export, exportTooMany, exportProgress, exported.
 */
export function ExportButton({
  total,
  limit,
  i18nPrefix,
  run,
}: {
  total: number;
  limit: number;
  i18nPrefix: string;
  /** Writes the file; reports progress; resolves to the number of rows exported. */
  run: (progress: (done: number, total: number) => void) => Promise<number>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<string | null>(null);
  const key = (k: string) => `${i18nPrefix}.${k}`;
  const onClick = async () => {
    setProgress(t(key('exportProgress'), { done: 0, total }));
    try {
      const n = await run((done, all) => setProgress(t(key('exportProgress'), { done, total: all })));
      void message.success(t(key('exported'), { count: n }));
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
