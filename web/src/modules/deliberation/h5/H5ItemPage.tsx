import { Button, DotLoading, ErrorBlock, Steps, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { ApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { type MyItem, useMyItem, useSupport } from '../api.ts';
import { H5ItemExecution } from '../execution/H5ItemExecution.tsx';
import { H5ItemSurveys } from './H5ItemSurveys.tsx';
import './deliberation-h5.css';

/** One item of my place, in plain words: where it stands in the six stages, why, and what I can do. */
export function H5ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyItem(id);
  return (
    <>
      <BackTitle fallback="/decide">{t('deliberation.h5.item')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status={q.error instanceof ApiError && q.error.status === 404 ? 'empty' : 'default'} fullPage={false} title={t('deliberation.h5.loadFailed')} description={q.error.message} />
      ) : (
        <ItemView item={q.data} />
      )}
    </>
  );
}

function ItemView({ item: i }: { item: MyItem }) {
  const { t } = useTranslation();
  const support = useSupport();
  const stopped = i.stage === 'rejected' || i.stage === 'merged' || i.stage === 'escalated';
  const onSupport = async () => {
    try {
      await support.mutateAsync(i.id);
      Toast.show({ icon: 'success', content: t('deliberation.h5.supportDone') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <>
      <div className="gz-dlb-steps">
        <Steps current={i.step - 1}>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <Steps.Step key={n} title={t(`deliberation.step.${n}`)} status={n < i.step ? 'finish' : n === i.step ? (stopped ? 'error' : 'process') : 'wait'} />
          ))}
        </Steps>
      </div>
      <article className="gz-dlb-card" aria-labelledby="dlb-title">
        <div className="gz-dlb-code">
          {i.code} · {i.placeName}
        </div>
        <h2 id="dlb-title">{i.title}</h2>
        <div className="gz-dlb-meta">
          <Tag color="primary">{t(`deliberation.stage.${i.stage}`)}</Tag>
          {i.sourceKinds.map((k) => (
            <Tag key={k} fill="outline">
              {t(`deliberation.source.${k}`)}
            </Tag>
          ))}
        </div>
        {i.description && <p className="gz-dlb-body">{i.description}</p>}
        <div className="gz-dlb-meta">
          <span>{t('deliberation.h5.supporters', { count: i.supporterCount })}</span>
          {i.stage === 'collecting' && i.supportThreshold > i.supporterCount && <span>{t('deliberation.h5.toSupport', { count: i.supportThreshold - i.supporterCount })}</span>}
          <span className="gz-dlb-spacer" />
          {i.supported && <span>{t('deliberation.h5.supported')}</span>}
        </div>
        {i.can.support && (
          <Button block size="large" color="primary" style={{ marginTop: 12 }} loading={support.isPending} onClick={() => void onSupport()}>
            {t('deliberation.h5.support')}
          </Button>
        )}
      </article>
      {i.mergedInto && (
        <div className="gz-dlb-card">
          <Link to={`/deliberation/items/${i.mergedInto.id}`}>{t('deliberation.h5.mergedInto', { code: i.mergedInto.code })}</Link>
        </div>
      )}
      {i.rejectedReason && (
        <section className="gz-dlb-card gz-dlb-reason" aria-label={t('deliberation.h5.rejectedReason')}>
          <h3>{t('deliberation.h5.rejectedReason')}</h3>
          <p className="gz-dlb-body">{i.rejectedReason}</p>
        </section>
      )}
      {(i.decisionText || i.decision) && (
        <section className="gz-dlb-card" aria-label={t('deliberation.h5.decision')}>
          <h3>{t('deliberation.h5.decision')}</h3>
          {i.decisionText && <p className="gz-dlb-body">{i.decisionText}</p>}
          {i.decision && (
            <Link to={`/decisions/${i.decision.id}`}>
              {t('deliberation.h5.vote', { title: i.decision.title })} · {t(`deliberation.vote.${i.decision.outcome}`)}
            </Link>
          )}
        </section>
      )}
      <H5ItemExecution itemId={i.id} stage={i.stage} />
      <H5ItemSurveys itemId={i.id} />
      <section className="gz-dlb-card" aria-label={t('deliberation.h5.progress')}>
        <h3>{t('deliberation.h5.progress')}</h3>
        <Steps direction="vertical" current={i.events.length - 1}>
          {[...i.events].reverse().map((e) => (
            <Steps.Step
              key={e.id}
              status="finish"
              title={`${t(`deliberation.event.${e.kind}`, { defaultValue: t('deliberation.event.other') })}（${t(`deliberation.by.${e.by}`)}）`}
              description={
                <>
                  {formatDateTime(e.at)}
                  {e.note && <div>{e.note}</div>}
                </>
              }
            />
          ))}
        </Steps>
      </section>
    </>
  );
}
