import { Button, CapsuleTabs, DotLoading, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { ItemStage } from '#server/modules/deliberation/contract.ts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api.ts';
import { type MyItemRow, useMyItems, useSupport } from '../api.ts';
import './deliberation-h5.css';

/** The tabs of the section: the procedure's stages as residents follow them (stages 4–6 together). */
const STAGE_GROUPS = {
  collecting: ['collecting'],
  agenda: ['agenda'],
  consulting: ['consulting', 'awaiting_vote'],
  later: ['executing', 'evaluating', 'closed', 'escalated'],
} satisfies Record<string, ItemStage[]>;

/**
 * 议事 → 社区议事: the items of my compound (and community, street) by stage, newest first, each with how many
 * households support it and a large 支持 while my household may still add its support; and 发起联名提议.
 */
export function DeliberationSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [stage, setStage] = useState<string>('all');
  const list = useMyItems({ pageSize: 20, ...(stage === 'all' ? {} : { stage: STAGE_GROUPS[stage as keyof typeof STAGE_GROUPS].join(',') }) });
  if (list.isPending && !list.data) {
    return (
      <div className="gz-padded" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (list.isError) return null;
  const items = list.data.items;
  const counts = list.data.counts;
  const countOf = (g: keyof typeof STAGE_GROUPS) => STAGE_GROUPS[g].reduce((n, s) => n + counts[s], 0);
  return (
    <section aria-labelledby="gz-dlb-section">
      <h2 id="gz-dlb-section" className="gz-dlb-section-title">
        {t('deliberation.h5.sectionTitle')}
        <Button size="small" color="primary" fill="outline" onClick={() => navigate('/deliberation/propose')}>
          {t('deliberation.h5.propose')}
        </Button>
      </h2>
      <CapsuleTabs activeKey={stage} onChange={setStage}>
        <CapsuleTabs.Tab key="all" title={t('deliberation.h5.all')} />
        {(Object.keys(STAGE_GROUPS) as (keyof typeof STAGE_GROUPS)[]).map((g) => (
          <CapsuleTabs.Tab key={g} title={`${t(`deliberation.h5.tab.${g}`)} ${countOf(g)}`} />
        ))}
      </CapsuleTabs>
      {items.length === 0 ? (
        <div className="gz-dlb-card gz-dlb-meta">{t('deliberation.h5.none')}</div>
      ) : (
        items.map((i) => <ItemCard key={i.id} item={i} />)
      )}
    </section>
  );
}

function ItemCard({ item: i }: { item: MyItemRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const support = useSupport();
  const onSupport = async () => {
    try {
      await support.mutateAsync(i.id);
      Toast.show({ icon: 'success', content: t('deliberation.h5.supportDone') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <article className="gz-dlb-card" aria-label={i.title}>
      <button type="button" className="gz-link-button" style={{ all: 'unset', display: 'block', cursor: 'pointer', width: '100%' }} onClick={() => navigate(`/deliberation/items/${i.id}`)}>
        <div className="gz-dlb-code">{i.code}</div>
        <h3>{i.title}</h3>
      </button>
      <div className="gz-dlb-meta">
        <Tag color="primary" fill="outline">
          {t(`deliberation.stage.${i.stage}`)}
        </Tag>
        <span>{t('deliberation.h5.supporters', { count: i.supporterCount })}</span>
        <span className="gz-dlb-spacer" />
        {i.canSupport ? (
          <Button size="middle" color="primary" loading={support.isPending} onClick={() => void onSupport()}>
            {t('deliberation.h5.support')}
          </Button>
        ) : i.supported ? (
          <span>{t('deliberation.h5.supported')}</span>
        ) : null}
      </div>
    </article>
  );
}
