import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../api.ts';
import { m2 } from './labels.tsx';

/** One bar of participation against its whole, with the ⅔ quorum marked on it. */
function QuorumBar({ label, part, whole, quorum, show }: { label: string; part: number; whole: number; quorum: number; show: (n: number) => string }) {
  const { t } = useTranslation();
  const percent = whole ? Math.min(100, Math.floor((part * 100) / whole)) : 0;
  const at = whole ? (quorum * 100) / whole : 0;
  const met = part >= quorum && whole > 0;
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text>{t('decisions.progress.of', { part: show(part), whole: show(whole) })}</Typography.Text>
      </Flex>
      <div style={{ position: 'relative' }}>
        <Progress percent={percent} showInfo={false} status={met ? 'success' : 'normal'} aria-label={`${label} ${percent}%`} />
        {/* The quorum's mark: ⅔ of the roll, where the bar must reach. */}
        <div
          aria-hidden
          style={{ position: 'absolute', top: 0, bottom: 0, left: `${at}%`, borderLeft: '2px dashed #cf1322' }}
        />
      </div>
      <Flex justify="space-between">
        <Typography.Text type="secondary">{t('decisions.progress.quorum', { value: show(quorum) })}</Typography.Text>
        <Tag color={met ? 'success' : 'default'}>{met ? t('decisions.progress.quorumMet') : t('decisions.progress.quorumNotMet')}</Tag>
      </Flex>
    </div>
  );
}

/** 表决进度: who has taken part so far, in heads and area, against the law's ⅔ bars (never anyone's choice). */
export function ProgressPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const p = d.progress;
  return (
    <Card title={t('decisions.detail.progress')}>
      <QuorumBar
        label={t('decisions.progress.heads')}
        part={p.participating.heads}
        whole={d.totals.heads}
        quorum={p.quorum.heads}
        show={(n) => t('decisions.result.heads', { n })}
      />
      <QuorumBar
        label={t('decisions.progress.area')}
        part={p.participating.areaCenti}
        whole={d.totals.areaCenti}
        quorum={p.quorum.areaCenti}
        show={(n) => t('decisions.result.area', { n: m2(n) })}
      />
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('decisions.progress.delivered', { count: p.delivered })}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('decisions.progress.note')}</Typography.Text>
    </Card>
  );
}
