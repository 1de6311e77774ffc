import { Button, DotLoading, ErrorBlock, Image, ImageViewer, List, ProgressBar, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { meanText, type MyItemExecution, useMyItemExecution, useRate } from './api.ts';
import './execution-h5.css';
import './i18n.ts';

/** Five large stars as radio buttons: a tap or an arrow key picks the score (no drag gesture, reachable by keyboard). */
function Stars({ value, onChange, label }: { value: number; onChange: (v: number) => void; label: string }) {
  return (
    <div role="radiogroup" aria-label={label} className="gz-dlb-stars">
      {[1, 2, 3, 4, 5].map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          aria-label={`${v}`}
          className={v <= value ? 'gz-dlb-star gz-dlb-star-on' : 'gz-dlb-star'}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowUp') onChange(Math.min(5, (value || 0) + 1));
            if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') onChange(Math.max(1, (value || 2) - 1));
          }}
        >
          ★
        </button>
      ))}
    </div>
  );
}

function RatingForm({ data }: { data: MyItemExecution }) {
  const { t } = useTranslation();
  const rate = useRate(data.item.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const r = data.rating;
  const rated = r.mine && <div className="gz-dlb-rated">{t('deliberationExecution.h5.rated', { score: r.mine.score })}</div>;
  // A resident with another household here that has not rated yet (one room rated by a tenant, another owned
  // and unrated) still rates for it: the server takes the next unrated room.
  if (!r.canRate) return rated || (data.item.stage === 'evaluating' ? <div className="gz-dlb-muted">{t('deliberationExecution.h5.notOpen')}</div> : null);
  return (
    <div className="gz-dlb-rate">
      {r.mine && <div className="gz-dlb-rated">{t('deliberationExecution.h5.ratedOther', { score: r.mine.score })}</div>}
      <p>{t('deliberationExecution.h5.rateIntro', { at: formatDate(r.closesAt) })}</p>
      <Stars value={score} onChange={setScore} label={t('deliberationExecution.h5.stars')} />
      <TextArea placeholder={t('deliberationExecution.h5.comment')} value={comment} onChange={setComment} maxLength={500} rows={3} showCount />
      <Button
        block
        color="primary"
        size="large"
        loading={rate.isPending}
        onClick={async () => {
          if (!score) {
            Toast.show(t('deliberationExecution.h5.pickStars'));
            return;
          }
          try {
            await rate.mutateAsync({ score, comment });
            Toast.show({ icon: 'success', content: t('deliberationExecution.h5.thanks') });
          } catch (err) {
            Toast.show(err instanceof Error ? err.message : String(err));
          }
        }}
      >
        {t('deliberationExecution.h5.submit')}
      </Button>
    </div>
  );
}

function Body({ data }: { data: MyItemExecution }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<string[] | null>(null);
  return (
    <div className="gz-dlb-exec">
      <List header={t('deliberationExecution.h5.progress')}>
        <List.Item extra={`${data.item.progressPercent}%`}>
          <ProgressBar percent={data.item.progressPercent} style={{ '--track-width': '10px' }} />
        </List.Item>
      </List>
      {data.item.stage === 'evaluating' && (
        <List header={t('deliberationExecution.h5.rate')}>
          <List.Item>
            <RatingForm data={data} />
          </List.Item>
        </List>
      )}
      {data.results.length > 0 && (
        <List header={t('deliberationExecution.h5.results')}>
          {data.results.map((r) => (
            <List.Item key={r.round} description={r.outcome ? t(`deliberationExecution.outcome.${r.outcome}`) : undefined}>
              {t('deliberationExecution.h5.resultLine', { round: r.round, count: r.count, mean: meanText(r.meanCenti) })}
            </List.Item>
          ))}
        </List>
      )}
      <List header={t('deliberationExecution.h5.tasks')}>
        {data.tasks.map((task) => {
          const photos = task.updates.flatMap((u) => u.photos.map((p) => p.url));
          const last = task.updates.at(-1);
          return (
            <List.Item
              key={task.id}
              description={
                <Space direction="vertical" style={{ '--gap': '4px' }}>
                  <span>
                    {task.organisationName} · {t('deliberationExecution.h5.deadline', { date: task.deadline })}
                  </span>
                  {last?.note && <span>{last.note}</span>}
                  {photos.length > 0 && (
                    <Space wrap>
                      {photos.slice(0, 4).map((url) => (
                        <Image key={url} src={url} width={64} height={64} fit="cover" onClick={() => setViewing(photos)} alt={t('deliberationExecution.field.photos')} />
                      ))}
                    </Space>
                  )}
                </Space>
              }
              extra={task.done ? <Tag color="success">{t('deliberationExecution.h5.done')}</Tag> : task.overdue ? <Tag color="danger">{t('deliberationExecution.h5.overdue')}</Tag> : `${task.progressPercent}%`}
            >
              {task.title}
              <ProgressBar percent={task.progressPercent} />
            </List.Item>
          );
        })}
      </List>
      {data.notes.length > 0 && (
        <List header={t('deliberationExecution.h5.notes')}>
          {data.notes.map((n) => (
            <List.Item key={n.id} description={formatDate(n.at)}>
              {n.text}
            </List.Item>
          ))}
        </List>
      )}
      <ImageViewer.Multi images={viewing ?? []} visible={!!viewing} onClose={() => setViewing(null)} />
    </div>
  );
}

/**
 * Stages 4–6 on the resident's item page: the progress bar, the tasks with their organisations, deadlines,
 * overdue flags and photos, the public supervision notes, the household's rating (1–5 stars and a comment,
 * once per household, while the round is open; "already rated" after) and each round's result once closed.
 */
export function H5ItemExecution({ itemId, stage }: { itemId: string; stage: string }) {
  if (!['executing', 'evaluating', 'closed', 'escalated'].includes(stage)) return null;
  return <Loaded itemId={itemId} />;
}

function Loaded({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const query = useMyItemExecution(itemId);
  if (query.isPending)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (query.isError)
    return (
      <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={query.error.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  return <Body data={query.data} />;
}
