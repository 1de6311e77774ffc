import { InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COEFFICIENT_MAX } from '#server/modules/decisions/contract.ts';
import './i18n.ts';

/** One coefficient (‰) per floor, lowest floor first, as a controlled form field. */
export function CoefficientsField({
  floors,
  roomsPerFloor,
  value,
  onChange,
}: {
  floors: readonly number[];
  roomsPerFloor: ReadonlyMap<number, number>;
  value?: Record<string, number>;
  onChange?: (v: Record<string, number>) => void;
}) {
  const { t } = useTranslation();
  if (floors.length === 0) return <Typography.Text type="secondary">{t('decisionsElevator.create.noRooms')}</Typography.Text>;
  return (
    <Space wrap size={[12, 8]}>
      {floors.map((f) => (
        <Space.Compact key={f}>
          <InputNumber
            addonBefore={t('decisionsElevator.create.floor', { floor: f })}
            aria-label={t('decisionsElevator.create.floor', { floor: f })}
            min={0}
            max={COEFFICIENT_MAX}
            step={50}
            precision={0}
            style={{ width: 170 }}
            value={value?.[String(f)]}
            onChange={(v) => onChange?.({ ...(value ?? {}), [String(f)]: typeof v === 'number' ? v : 0 })}
          />
          <Typography.Text type="secondary" style={{ padding: '4px 8px' }}>
            {t('decisionsElevator.create.rooms', { count: roomsPerFloor.get(f) ?? 0 })}
          </Typography.Text>
        </Space.Compact>
      ))}
    </Space>
  );
}
