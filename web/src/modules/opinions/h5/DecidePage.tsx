import { Button, DotLoading, ErrorBlock, Tabs } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../../resident/PageTitle.tsx';
import { residentModules } from '../../../resident/modules.ts';
import type { Page } from '../../../shared/api.ts';
import type { UseQueryResult } from '@tanstack/react-query';
import { type Opinion, useCompoundOpinions, useMyOpinions, useOpinionTargets } from '../api.ts';
import { OpinionCard } from './OpinionCard.tsx';
import './opinions-h5.css';

const STEP = 20;

/** Other modules' sections above the opinions (the decisions module's votes), in their order. */
const sections = residentModules.flatMap((m) => (m.decideSections ?? []).map((s) => ({ ...s, key: `${m.name}-${s.order}` }))).sort((a, b) => a.order - b.order);

/** 议事: what neighbours say in my compound (with "me too"), and my own posts with their answers. */
export function DecidePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'mine' ? 'mine' : 'public';
  const targets = useOpinionTargets();
  const noHome = targets.data?.length === 0;
  return (
    <>
      <PageTitle>{t('h5opinion.title')}</PageTitle>
      {sections.map(({ key, Section }) => (
        <Fragment key={key}>
          <Section />
        </Fragment>
      ))}
      <Tabs className="gz-op-tabs" activeKey={tab} onChange={(k) => setSearch(k === 'mine' ? { tab: 'mine' } : {}, { replace: true })}>
        <Tabs.Tab title={t('h5opinion.tabPublic')} key="public" />
        <Tabs.Tab title={t('h5opinion.tabMine')} key="mine" />
      </Tabs>
      {noHome ? (
        <ErrorBlock status="empty" fullPage={false} title={t('h5opinion.noHome')} description={t('h5opinion.noHomeHint')} />
      ) : tab === 'public' ? (
        <PublicList />
      ) : (
        <MineList />
      )}
      {!noHome && (
        <Button className="gz-op-fab" color="primary" shape="rounded" size="large" onClick={() => navigate('/decide/new')}>
          <AddOutline aria-hidden /> {t('h5opinion.post')}
        </Button>
      )}
    </>
  );
}

function PublicList() {
  const { t } = useTranslation();
  const [size, setSize] = useState(STEP);
  const q = useCompoundOpinions({ page: 1, pageSize: size });
  return <Cards query={q} more={() => setSize(size + STEP)} empty={[t('h5opinion.emptyPublic'), t('h5opinion.emptyPublicHint')]} />;
}

function MineList() {
  const { t } = useTranslation();
  const [size, setSize] = useState(STEP);
  const q = useMyOpinions({ page: 1, pageSize: size });
  return <Cards query={q} more={() => setSize(size + STEP)} showAddressee empty={[t('h5opinion.emptyMine'), t('h5opinion.emptyMineHint')]} />;
}

function Cards({ query, more, empty, showAddressee }: { query: UseQueryResult<Page<Opinion>>; more: () => void; empty: [string, string]; showAddressee?: boolean }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={query.error.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  const { items, total } = query.data;
  if (items.length === 0) return <ErrorBlock status="empty" fullPage={false} title={empty[0]} description={empty[1]} />;
  return (
    <>
      <div className="gz-op-list">
        {items.map((o) => (
          <OpinionCard key={o.id} opinion={o} showAddressee={showAddressee} />
        ))}
      </div>
      {items.length < total && (
        <div className="gz-op-more">
          <Button block onClick={more} loading={query.isFetching}>
            {t('h5opinion.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
