import { Button, Checkbox, Dialog, DotLoading, ErrorBlock, ProgressBar, Radio, Result, Selector, Space, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TEXT_ANSWER_MAX } from '#server/modules/surveys/contract.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { ApiError } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { type MySurvey, useAnswerSurvey, useMySurvey } from '../api.ts';
import { meanOf, tenths } from '../components/labels.tsx';
import './surveys-h5.css';

type Question = MySurvey['questions'][number];
interface Given {
  choices?: number[];
  scale?: number;
  text?: string;
}

/** A survey on the phone: answer it (with a confirmation), or see that it is answered, not open yet, or closed (with public results). */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMySurvey(id);
  return (
    <>
      <BackTitle fallback="/decide">{t('surveysH5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status={q.error instanceof ApiError && q.error.status === 404 ? 'empty' : 'default'} fullPage={false} title={t('surveysH5.loadFailed')} description={q.error.message} />
      ) : (
        <div className="gz-srv-page">
          <header className="gz-srv-intro">
            <h2>{q.data.title}</h2>
            {q.data.description && <p>{q.data.description}</p>}
            <div className="gz-srv-meta">
              {q.data.placeName} · {t('surveysH5.period', { from: formatDateTime(q.data.opensAt), to: formatDateTime(q.data.closesAt) })}
            </div>
            <div className="gz-srv-meta">
              {t(q.data.anonymous ? 'surveysH5.anonymousNote' : 'surveysH5.namedNote')} · {t(`surveysH5.per.${q.data.answerPer}`)}
            </div>
          </header>
          <Body survey={q.data} />
        </div>
      )}
    </>
  );
}

function Body({ survey: s }: { survey: MySurvey }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  if (done) return <Result status="success" title={t('surveysH5.thanks')} description={t('surveysH5.thanksNote')} />;
  switch (s.state) {
    case 'open':
      return <AnswerForm survey={s} onDone={() => setDone(true)} />;
    case 'answered':
      return (
        <>
          <Result status="success" title={t('surveysH5.alreadyAnswered')} description={t(s.answerPer === 'household' ? 'surveysH5.alreadyHousehold' : 'surveysH5.alreadyMine')} />
          {s.myAnswer && <MyAnswer survey={s} />}
        </>
      );
    case 'notYetOpen':
      return <Result status="waiting" title={t('surveysH5.notYetOpen')} description={t('surveysH5.opensAt', { at: formatDateTime(s.opensAt) })} />;
    case 'ownersOnly':
      return <Result status="info" title={t('surveysH5.ownersOnly')} />;
    case 'closed':
      return (
        <>
          <Result status="info" title={t('surveysH5.closed')} description={s.resultsPublic ? undefined : t('surveysH5.resultsNotPublic')} />
          {s.results && <PublicResults survey={s} />}
        </>
      );
  }
}

function AnswerForm({ survey: s, onDone }: { survey: MySurvey; onDone: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerSurvey(s.id);
  const open = s.rooms.filter((r) => !r.answered);
  const [roomId, setRoomId] = useState<string | undefined>(open.length === 1 ? open[0]!.roomId : undefined);
  const [given, setGiven] = useState<Record<number, Given>>({});
  const [missing, setMissing] = useState<number[]>([]);
  const set = (no: number, g: Given) => setGiven((x) => ({ ...x, [no]: g }));
  const answered = (q: Question) => {
    const g = given[q.no];
    return !!g && ((g.choices?.length ?? 0) > 0 || g.scale !== undefined || !!g.text?.trim());
  };
  const submit = async () => {
    const lacking = s.questions.filter((q) => q.required && !answered(q)).map((q) => q.no);
    setMissing(lacking);
    if (lacking.length) {
      Toast.show({ content: t('surveysH5.requiredMissing', { nos: lacking.join('、') }) });
      return;
    }
    if (s.answerPer === 'household' && !roomId) {
      Toast.show({ content: t('surveysH5.pickRoom') });
      return;
    }
    const ok = await Dialog.confirm({
      title: t('surveysH5.confirmTitle'),
      content: t(s.anonymous ? 'surveysH5.confirmAnonymous' : 'surveysH5.confirmNamed'),
      confirmText: t('surveysH5.submit'),
      cancelText: t('surveysH5.back'),
    });
    if (!ok) return;
    try {
      await answer.mutateAsync({
        ...(roomId ? { roomId } : {}),
        answers: s.questions.filter(answered).map((q) => ({ no: q.no, ...given[q.no] })),
      });
      onDone();
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <>
      {s.answerPer === 'household' && open.length > 1 && (
        <section className="gz-srv-question" aria-labelledby="gz-srv-room">
          <h3 id="gz-srv-room">{t('surveysH5.whichRoom')}</h3>
          <Selector columns={1} options={open.map((r) => ({ value: r.roomId, label: r.label }))} value={roomId ? [roomId] : []} onChange={(v) => setRoomId(v[0])} />
        </section>
      )}
      {s.questions.map((q) => (
        <section key={q.no} className="gz-srv-question" aria-labelledby={`gz-srv-q${q.no}`}>
          <h3 id={`gz-srv-q${q.no}`}>
            {q.no}. {q.prompt}
            {q.required && (
              <span className="gz-srv-required" aria-label={t('surveysH5.required')}>
                *
              </span>
            )}
            {q.kind === 'multiple' && q.maxChoices && <span className="gz-srv-meta"> {t('surveysH5.maxChoices', { max: q.maxChoices })}</span>}
          </h3>
          <QuestionInput q={q} value={given[q.no]} onChange={(g) => set(q.no, g)} />
          {missing.includes(q.no) && !answered(q) && <div className="gz-srv-question-error">{t('surveysH5.requiredOne')}</div>}
        </section>
      ))}
      <div className="gz-srv-submit">
        <Button block color="primary" size="large" loading={answer.isPending} onClick={() => void submit()}>
          {t('surveysH5.submit')}
        </Button>
      </div>
    </>
  );
}

function QuestionInput({ q, value, onChange }: { q: Question; value: Given | undefined; onChange: (g: Given) => void }) {
  const { t } = useTranslation();
  if (q.kind === 'single') {
    return (
      <Radio.Group value={value?.choices?.[0]} onChange={(v) => onChange({ choices: [Number(v)] })}>
        <Space direction="vertical" block>
          {q.options.map((o, i) => (
            <Radio key={i} value={i} block>
              {o}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  }
  if (q.kind === 'multiple') {
    const chosen = value?.choices ?? [];
    return (
      <Checkbox.Group value={chosen} onChange={(v) => onChange({ choices: (v as number[]).slice(0, q.maxChoices ?? undefined) })}>
        <Space direction="vertical" block>
          {q.options.map((o, i) => (
            <Checkbox key={i} value={i} block disabled={!!q.maxChoices && chosen.length >= q.maxChoices && !chosen.includes(i)}>
              {o}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  }
  if (q.kind === 'scale') {
    const values = Array.from({ length: q.max! - q.min! + 1 }, (_, i) => q.min! + i);
    return (
      <>
        <Selector columns={Math.min(values.length, 6)} options={values.map((v) => ({ value: v, label: String(v) }))} value={value?.scale !== undefined ? [value.scale] : []} onChange={(v) => onChange(v.length ? { scale: v[0]! } : {})} />
        <div className="gz-srv-meta">{t('surveysH5.scaleHint', { min: q.min, max: q.max })}</div>
      </>
    );
  }
  return <TextArea value={value?.text ?? ''} onChange={(text) => onChange({ text })} maxLength={TEXT_ANSWER_MAX} showCount rows={4} placeholder={t('surveysH5.textPlaceholder')} />;
}

function MyAnswer({ survey: s }: { survey: MySurvey }) {
  const { t } = useTranslation();
  const show = (q: Question) => {
    const a = s.myAnswer?.answers.find((x) => x.no === q.no);
    if (!a) return t('surveysH5.skipped');
    if (a.choices) return a.choices.map((c) => q.options[c]).join('、');
    return String(a.scale ?? a.text ?? '');
  };
  return (
    <section aria-label={t('surveysH5.myAnswer')}>
      <h3>{t('surveysH5.myAnswer')}</h3>
      {s.questions.map((q) => (
        <div key={q.no} className="gz-srv-question">
          <h3>
            {q.no}. {q.prompt}
          </h3>
          <div>{show(q)}</div>
        </div>
      ))}
    </section>
  );
}

/** A closed survey's public results: bars with exact counts and shares (no texts, no names). */
function PublicResults({ survey: s }: { survey: MySurvey }) {
  const { t } = useTranslation();
  const r = s.results!;
  return (
    <section aria-label={t('surveysH5.results')}>
      <h3>{t('surveysH5.results')}</h3>
      <div className="gz-srv-meta">{t('surveysH5.participation', { answered: r.participation.answered, eligible: r.participation.eligible })}</div>
      {r.questions.map((q) => (
        <div key={q.no} className="gz-srv-question">
          <h3>
            {q.no}. {q.prompt}
          </h3>
          {'options' in q &&
            q.options?.map((o) => (
              <div key={o.label} className="gz-srv-bar">
                <span className="gz-srv-bar-label">{o.label}</span>
                <ProgressBar percent={o.shareTenths / 10} />
                <span>
                  {o.count}（{tenths(o.shareTenths)}）
                </span>
              </div>
            ))}
          {'scale' in q && q.scale && (
            <>
              {q.scale.distribution.map((d) => (
                <div key={d.value} className="gz-srv-bar">
                  <span className="gz-srv-bar-label">{t('surveysH5.points', { value: d.value })}</span>
                  <ProgressBar percent={d.shareTenths / 10} />
                  <span>{d.count}</span>
                </div>
              ))}
              <div>{t('surveysH5.mean', { mean: meanOf(q.scale.mean) })}</div>
            </>
          )}
          {q.kind === 'text' && <div className="gz-srv-meta">{t('surveysH5.textsNotShown', { count: q.answered })}</div>}
        </div>
      ))}
    </section>
  );
}
