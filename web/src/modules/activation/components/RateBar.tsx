import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A rate as a bar with its percentage; a dash when there is nothing to count. */
export function RateBar({ rate, households }: { rate: number | null; households: number }) {
  const { t } = useTranslation();
  if (rate === null || households === 0) return <Typography.Text type="secondary">{t('activation.rates.noHouseholds')}</Typography.Text>;
  const percent = Math.round(rate * 1000) / 10;
  return (
    <Progress
      percent={percent}
      size="small"
      status="normal"
      strokeColor={percent >= 80 ? '#389e0d' : percent >= 50 ? '#1f6fd1' : '#b8292f'}
      format={(p) => `${p}%`}
      style={{ minWidth: 160, margin: 0 }}
      aria-label={`${percent}%`}
    />
  );
}
