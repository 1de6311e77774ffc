import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { AddCircleOutline, FileOutline, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { residentModules } from '../../../resident/modules.ts';
import { PageTitle } from '../../../resident/PageTitle.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useMyOrders } from '../api.ts';
import { StatusBadge } from './StatusBadge.tsx';

const PAGE = 20;
/** The other modules' services (fees, …), as their manifests declare them: repairs knows none of them. */
const tiles = residentModules.flatMap((m) => (m.serviceTiles ?? []).map((s) => ({ ...s, key: `${m.name}-${s.order}` }))).sort((a, b) => a.order - b.order);

/** 办事: the services a resident can use (repairs, and the tiles other modules declare; agency services later) and my repairs. */
export function ServicesPage() {
  const { t } = useTranslation();
  const [size, setSize] = useState(PAGE);
  const mine = useMyOrders({ pageSize: size });
  return (
    <>
      <PageTitle>{t('repairs.h5.services')}</PageTitle>
      <nav className="gz-rep-services" aria-label={t('repairs.h5.services')}>
        <Link to="/services/repairs/new" className="gz-rep-service gz-rep-service-main">
          <AddCircleOutline aria-hidden className="gz-rep-service-icon" />
          <span className="gz-rep-service-name">{t('repairs.h5.repair')}</span>
          <span className="gz-rep-service-hint">{t('repairs.h5.repairHint')}</span>
        </Link>
        {tiles.map(({ key, to, Icon, label, hint }) => (
          <Link key={key} to={to} className="gz-rep-service">
            <Icon aria-hidden className="gz-rep-service-icon" />
            <span className="gz-rep-service-name">{t(label)}</span>
            <span className="gz-rep-service-hint">{t(hint)}</span>
          </Link>
        ))}
        <span className="gz-rep-service gz-rep-service-off" aria-disabled="true">
          <FileOutline aria-hidden className="gz-rep-service-icon" />
          <span className="gz-rep-service-name">{t('repairs.h5.agency')}</span>
          <span className="gz-rep-service-hint">{t('repairs.h5.soon')}</span>
        </span>
      </nav>
      <section aria-labelledby="my-repairs">
        <h2 id="my-repairs" className="gz-rep-section">
          {t('repairs.h5.myRepairs')}
          {mine.data && mine.data.total > 0 && <span className="gz-rep-count">{mine.data.total}</span>}
        </h2>
        {mine.isPending ? (
          <div className="gz-center" style={{ minHeight: 120 }} aria-busy>
            <DotLoading color="primary" />
          </div>
        ) : mine.isError ? (
          <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={mine.error.message}>
            <Button color="primary" onClick={() => void mine.refetch()}>
              {t('common.retry')}
            </Button>
          </ErrorBlock>
        ) : mine.data.items.length === 0 ? (
          <ErrorBlock status="empty" fullPage={false} title={t('repairs.h5.noRepairs')} description={t('repairs.h5.noRepairsHint')} className="gz-rep-empty" />
        ) : (
          <ul className="gz-rep-cards">
            {mine.data.items.map((o) => (
              <li key={o.id}>
                <Link to={`/services/repairs/${o.id}`} className="gz-rep-card">
                  <div className="gz-rep-card-head">
                    <span className="gz-rep-card-cat">{t(`repairs.category.${o.category}`)}</span>
                    <StatusBadge status={o.status} />
                  </div>
                  <p className="gz-rep-card-desc">{o.description}</p>
                  <div className="gz-rep-card-foot">
                    <span>{o.placeLabel ?? o.compoundName}</span>
                    <time dateTime={o.reportedAt}>{formatDateTime(o.reportedAt)}</time>
                  </div>
                  <RightOutline aria-hidden className="gz-rep-card-arrow" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {mine.data && mine.data.total > mine.data.items.length && (
          <div className="gz-padded">
            <Button block fill="none" color="primary" loading={mine.isFetching} onClick={() => setSize(size + PAGE)}>
              {t('repairs.h5.more', { count: mine.data.total })}
            </Button>
          </div>
        )}
      </section>
    </>
  );
}
