import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import type { Me } from '../../../../shared/session.ts';
import { apiGet } from '../../../../shared/api.ts';
import { useLive, useSensors } from '../api.ts';

export const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));
export const mayManageParking = (me: Me) => holds(me, DEVICES_ROLES.manageParking);

/** The compounds I read parking at (from the live list), as options. */
export function useCompoundOptions() {
  const live = useLive();
  return (live.data?.items ?? []).map((c) => ({ value: c.placeId, label: c.placeName }));
}

/** A drop-down of my compounds. */
export function CompoundSelect({ value, onChange, allowClear, style }: { value?: string; onChange?: (v: string | undefined) => void; allowClear?: boolean; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const options = useCompoundOptions();
  return <Select value={value} onChange={onChange} options={options} allowClear={allowClear} placeholder={t('devicesParking.compound')} showSearch optionFilterProp="label" style={{ minWidth: 180, ...style }} />;
}

const FEE_COLOR = { open: 'processing', free: 'default', due: 'warning', paid: 'success', waived: 'default' } as const;
export function FeeTag({ status }: { status: keyof typeof FEE_COLOR }) {
  const { t } = useTranslation();
  return <Tag color={FEE_COLOR[status]}>{t(`devicesParking.fee.${status}`)}</Tag>;
}
const ALERT_COLOR = { overstay: 'orange', gate_offline: 'red', unknown_night: 'purple' } as const;
export function AlertKindTag({ kind }: { kind: keyof typeof ALERT_COLOR }) {
  const { t } = useTranslation();
  return <Tag color={ALERT_COLOR[kind]}>{t(`devicesParking.alertKind.${kind}`)}</Tag>;
}

/** Searches places of my scope by name (the registry's picker), of the given kinds: "1栋 1单元 101". */
export const searchPlaces = (kinds: string) => async (q: string) => {
  if (!q.trim()) return [];
  const r = await apiGet<{ items: { id: string; name: string; within: string[] }[] }>('/api/places/search', { q, kinds });
  return r.items.map((p) => ({ value: p.id, label: [...p.within.slice(-3), p.name].join(' ') }));
};

/** A drop-down of a compound's parking sensors (one that reports another space says which). */
export function SensorSelect({ placeId, value, onChange }: { placeId: string | undefined; value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  const sensors = useSensors(placeId);
  const options = (sensors.data?.items ?? []).map((s) => ({ value: s.id, label: s.spaceNo ? t('devicesParking.spaces.sensorOf', { name: s.name, no: s.spaceNo }) : s.name }));
  return (
    <Select
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch
      optionFilterProp="label"
      disabled={!placeId}
      loading={sensors.isLoading}
      placeholder={t('devicesParking.spaces.sensorPlaceholder')}
      notFoundContent={t('devicesParking.spaces.noSensors')}
    />
  );
}
