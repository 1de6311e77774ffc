import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchTask, startSlips, useSlipInfo } from '../api.ts';
import '../i18n.ts';

type Phase = { step: 'confirm' } | { step: 'working'; done: number; total: number } | null;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * 打印激活单 on a building's page: one slip per household (QR code + activation code) as a PDF,
 * made in the background while a progress bar runs, then downloaded. Shown only to those who may
 * print for this building, and only when it has households.
 */
export function PrintSlipsButton({ placeId, kind }: { placeId: string; kind: string }) {
  if (kind !== 'building') return null;
  return <PrintSlips buildingId={placeId} />;
}

function PrintSlips({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useSlipInfo(buildingId);
  const [phase, setPhase] = useState<Phase>(null);
  if (!info.data?.canPrint) return null;
  const households = info.data.households;

  const run = async () => {
    setPhase({ step: 'working', done: 0, total: households });
    try {
      const { taskId } = await startSlips(buildingId);
      for (;;) {
        await wait(400);
        const task = await fetchTask(taskId);
        if (task.status === 'failed') throw new Error(task.error?.message ?? 'failed');
        setPhase({ step: 'working', done: task.done, total: task.total || households });
        if (task.status === 'done') break;
      }
      // The session cookie goes along: a plain navigation downloads the PDF (Content-Disposition: attachment).
      const a = document.createElement('a');
      a.href = `/api/activation/slips/${taskId}`;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
      void message.success(t('activation.slips.ready'));
      void info.refetch();
    } catch (err) {
      void message.error(t('activation.slips.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPhase(null);
    }
  };

  return (
    <>
      <Button
        icon={<PrinterOutlined />}
        disabled={households === 0}
        title={households === 0 ? t('activation.slips.noHouseholds') : undefined}
        onClick={() => setPhase({ step: 'confirm' })}
      >
        {t('activation.slips.print')}
      </Button>
      <Modal
        title={t('activation.slips.printTitle')}
        open={phase !== null}
        onCancel={() => phase?.step === 'confirm' && setPhase(null)}
        onOk={run}
        okText={t('activation.slips.printOk')}
        cancelText={t('common.cancel')}
        confirmLoading={phase?.step === 'working'}
        cancelButtonProps={{ disabled: phase?.step === 'working' }}
        closable={phase?.step !== 'working'}
      >
        <Typography.Paragraph>{t('activation.slips.printBody', { households })}</Typography.Paragraph>
        {phase?.step === 'working' && (
          <>
            <Progress percent={phase.total ? Math.round((phase.done / phase.total) * 100) : 0} />
            <Typography.Text type="secondary">{t('activation.slips.working', phase)}</Typography.Text>
          </>
        )}
      </Modal>
    </>
  );
}
