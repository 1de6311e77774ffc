import { Button, Input, Tag, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api.ts';
import { ChoicesSummary } from './ChoicesSummary.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import '../paper/i18n.ts';
import { BallotCandidate, BallotCap } from '../election/h5/BallotCandidate.tsx';
import { overCap } from '../election/h5/election-h5.ts';
import { type Choice, type MyBallot, type MyDecision, type MyEntry, newRequestKey, sendBallotCode, useCastBallot } from './api.ts';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];
const CHOICE_COLOR: Record<Choice, 'success' | 'danger' | 'default'> = { for: 'success', against: 'danger', abstain: 'default' };

/** Errors worth retrying with the same request key: the ballot may have been recorded without us hearing back. */
const maybeRecorded = (err: unknown) => !(err instanceof ApiError) || err.code === 'NETWORK' || err.status >= 500;

/**
 * The online ballot for one roll entry: 同意/反对/弃权 for every item (large taps), the SMS code, a summary to
 * confirm, then the ballot. One request key per attempt: a retry after a lost answer is the same attempt, so the
 * server answers with the ballot it already recorded instead of counting twice.
 */
export function BallotForm({ d, entry, onDone, onCancel }: { d: MyDecision; entry: MyEntry; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const cast = useCastBallot(d.id);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const attempt = useRef<string | null>(null);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil, now]);
  const wait = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const done = d.items.filter((i) => choices[String(i.no)]).length;
  const complete = done === d.items.length;
  const over = overCap(d, choices);
  const codeOk = /^[0-9]{6}$/.test(code);

  const choose = (no: number, c: Choice) => {
    setChoices((prev) => ({ ...prev, [String(no)]: c }));
    attempt.current = null;
  };

  const getCode = async () => {
    setCodeError(null);
    setSending(true);
    try {
      const sent = await sendBallotCode(d.id);
      setWaitUntil(Date.now() + sent.resendAfterSeconds * 1000);
      setNow(Date.now());
      Toast.show({ content: t('decisionsH5.ballot.codeSent') });
    } catch (err) {
      const seconds = err instanceof ApiError ? (err.details as { seconds?: number } | undefined)?.seconds : undefined;
      if (seconds) {
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
      }
      setCodeError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };

  const next = () => {
    setError(null);
    if (!complete) return setError(t('decisionsH5.ballot.needAll'));
    if (!codeOk) return setError(t('decisionsH5.ballot.needCode'));
    if (over) return;
    // A new attempt: its own key, kept for any retry of this very submission.
    attempt.current ??= newRequestKey();
    setStep('confirm');
  };

  const submit = async () => {
    setError(null);
    const requestKey = (attempt.current ??= newRequestKey());
    try {
      await cast.mutateAsync({ entryId: entry.id, choices, code, requestKey });
      Toast.show({ icon: 'success', content: t('decisionsH5.ballot.success') });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      if (!maybeRecorded(err)) {
        // Refused (a wrong or spent code, voting closed): nothing was recorded; the next try is a new attempt.
        attempt.current = null;
        setCode('');
        setStep('choose');
      }
    }
  };

  if (step === 'confirm') {
    return (
      <section className="gz-dec-card" aria-labelledby={`gz-dec-confirm-${entry.id}`}>
        <h2 id={`gz-dec-confirm-${entry.id}`}>{t('decisionsH5.ballot.confirmTitle')}</h2>
        <ul className="gz-dec-summary">
          {d.items.map((i) => {
            const c = choices[String(i.no)]!;
            return (
              <li key={i.no}>
                <span>
                  {i.no}. {i.title}
                </span>
                <strong style={{ color: `var(--adm-color-${CHOICE_COLOR[c] === 'default' ? 'text' : CHOICE_COLOR[c]})` }}>{t(`decisionsH5.choice.${c}`)}</strong>
              </li>
            );
          })}
        </ul>
        <p className="gz-dec-hint">{d.rules.revote.value ? t('decisionsH5.ballot.confirmHintRevote') : t('decisionsH5.ballot.confirmHint')}</p>
        {error && (
          <p className="gz-dec-error" role="alert">
            {error}
          </p>
        )}
        {error && <p className="gz-dec-hint">{t('decisionsH5.ballot.retryHint')}</p>}
        <div className="gz-dec-actions">
          <Button block color="primary" size="large" loading={cast.isPending} onClick={submit}>
            {t('decisionsH5.ballot.submit')}
          </Button>
          <Button
            block
            size="large"
            disabled={cast.isPending}
            onClick={() => {
              setError(null);
              setStep('choose');
            }}
          >
            {t('decisionsH5.ballot.back')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="gz-dec-card" aria-labelledby={`gz-dec-ballot-${entry.id}`}>
      <h2 id={`gz-dec-ballot-${entry.id}`}>{t('decisionsH5.ballot.title')}</h2>
      <p className="gz-dec-hint">{t('decisionsH5.ballot.forRooms', { rooms: entry.rooms.join('，') })}</p>
      <p className="gz-dec-hint">{t('decisionsH5.ballot.chooseEach')}</p>
      {d.items.map((i) => (
        <fieldset key={i.no} className="gz-dec-item gz-dec-fieldset">
          <legend className="gz-dec-item-title">{d.kind === 'election' ? <BallotCandidate d={d} item={i} /> : `${i.no}. ${i.title}`}</legend>
          <div className="gz-dec-choices">
            {CHOICES.map((c) => {
              const on = choices[String(i.no)] === c;
              return (
                <Button key={c} color={on ? CHOICE_COLOR[c] : 'default'} fill={on ? 'solid' : 'outline'} aria-pressed={on} onClick={() => choose(i.no, c)}>
                  {t(`decisionsH5.choice.${c}`)}
                </Button>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className="gz-dec-hint" aria-live="polite">
        {t('decisionsH5.ballot.chosen', { done, total: d.items.length })}
      </p>
      {d.kind === 'election' && <BallotCap d={d} choices={choices} />}

      <label htmlFor={`gz-dec-code-${entry.id}`} className="gz-dec-item-title" style={{ display: 'block', marginTop: 12 }}>
        {t('decisionsH5.ballot.code')}
      </label>
      <div className="gz-dec-code-row">
        <Input
          id={`gz-dec-code-${entry.id}`}
          className="gz-dec-code-input"
          value={code}
          onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
          placeholder={t('decisionsH5.ballot.codePlaceholder')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
        />
        <Button color="primary" fill="outline" size="large" disabled={wait > 0} loading={sending} onClick={getCode}>
          {wait > 0 ? `${wait}s` : t('decisionsH5.ballot.getCode')}
        </Button>
      </div>
      {wait > 0 && <p className="gz-dec-hint">{t('decisionsH5.ballot.resendIn', { seconds: wait })}</p>}
      {codeError && (
        <p className="gz-dec-error" role="alert">
          {codeError}
        </p>
      )}
      {error && (
        <p className="gz-dec-error" role="alert">
          {error}
        </p>
      )}
      <div className="gz-dec-actions">
        <Button block color="primary" size="large" disabled={!complete || !codeOk || over} onClick={next}>
          {t('decisionsH5.ballot.next')}
        </Button>
        {onCancel && (
          <Button block size="large" onClick={onCancel}>
            {t('decisionsH5.ballot.cancelChange')}
          </Button>
        )}
      </div>
    </section>
  );
}

/** The ballots cast for my entries, newest first: choices, time, and whether it counts (已计入) or was replaced (已被更改). */
export function MyBallots({ d, ballots, entry }: { d: MyDecision; ballots: MyBallot[]; entry?: MyEntry }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('decisionsH5.myBallots.title')}</h2>
      {entry && <p className="gz-dec-hint">{t('decisionsH5.ballot.forRooms', { rooms: entry.rooms.join('，') })}</p>}
      {/* Paper and proxy ballots have their own card with their plain status (paper/h5/MyPaperBallots). */}
      {!ballots.some((b) => b.channel === 'online') && <p className="gz-dec-hint">{t('decisionsPaper.h5.seeAbove')}</p>}
      {ballots.filter((b) => b.channel === 'online').map((b) => {
        const choices = b.choices as Record<string, Choice>;
        return (
          <div key={b.id} className="gz-dec-item">
            <p>
              <Tag color={b.status === 'counted' ? 'success' : 'default'} fill={b.status === 'counted' ? 'solid' : 'outline'} className="gz-dec-tag">
                {t(`decisionsH5.myBallots.${b.status}`)}
              </Tag>{' '}
              {t(`decisionsH5.myBallots.${b.channel}`, { defaultValue: '' })} · {t('decisionsH5.myBallots.castAt', { time: formatDateTime(b.castAt) })}
            </p>
            <ChoicesSummary items={d.items} choices={choices} />
          </div>
        );
      })}
    </>
  );
}
