import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import type { EmergencyNotice } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import '../i18n.ts';

interface Slice {
  gridEmergency?: (Omit<EmergencyNotice, 'declaredAt'> & { declaredAt: string })[];
  gridScreening?: { buildings: number; open: number };
}

/**
 * Pinned at the top of the resident home while a place of the resident's is in emergency mode: a red banner in large
 * type (server: the emergency part's residentHome). Gone when the mode ends.
 */
export function EmergencyHomeSection() {
  const { t } = useTranslation();
  const home = useResidentHome<Slice>();
  const notices = home.data?.gridEmergency ?? [];
  if (notices.length === 0) return null;
  return (
    <section aria-label={t('gridEmergency.h5.pinned')} role="alert">
      {notices.map((n) => (
        <div key={n.id} data-testid="emergency-pinned" style={{ background: '#cf1322', color: '#fff', padding: '14px 16px', margin: '8px 12px', borderRadius: 8, fontSize: '1.15em', lineHeight: 1.5 }}>
          <strong style={{ fontSize: '1.1em' }}>{t('gridEmergency.h5.pinnedTitle', { place: n.placeName, level: t(`gridEmergency.level.${n.level}`) })}</strong>
          <div>{n.reason}</div>
          <div style={{ opacity: 0.85, fontSize: '0.85em' }}>{t('gridEmergency.h5.since', { at: formatDateTime(n.declaredAt) })}</div>
        </div>
      ))}
    </section>
  );
}

/** For a visitor assigned buildings (volunteer or staff with a resident login): 「入户排查」 with the households still to visit. */
export function ScreeningHomeSection() {
  const { t } = useTranslation();
  const home = useResidentHome<Slice>();
  const s = home.data?.gridScreening;
  if (!s) return null;
  return (
    <section aria-label={t('gridEmergency.h5.screeningTitle')}>
      <Link to="/grid/screening" data-testid="screening-tile" style={{ display: 'block', margin: '8px 12px', padding: '14px 16px', border: '2px solid #cf1322', borderRadius: 8, fontSize: '1.15em', color: 'inherit' }}>
        <strong>{t('gridEmergency.h5.screeningTitle')}</strong>
        <div>{t('gridEmergency.h5.screeningHint', { buildings: s.buildings, open: s.open })}</div>
      </Link>
    </section>
  );
}
