import { Button, DotLoading, ErrorBlock, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { ApiError } from '../../../shared/api.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import './i18n.ts';
import { type MyDecision, recordOpened, useFileObjection, useMyDecision, useRequestInspection } from './api.ts';
import { BallotForm, MyBallots } from './Ballot.tsx';
import { m2, matterText } from './format.ts';
import { MyPaperBallots } from '../paper/h5/MyPaperBallots.tsx';
import { MyProxies } from '../proof/h5/MyProxies.tsx';
import { MyReceipts } from '../ledger/h5/MyReceipts.tsx';
import { ResultCard } from './ResultCard.tsx';
import { StatusTag } from './StatusTag.tsx';
import { MyShare } from '../elevator/h5/MyShare.tsx';
import { ElectionSection } from '../election/h5/ElectionSection.tsx';

/** Delivery is recorded once per page load of a decision, even when React runs effects twice. */
const opened = new Set<string>();

/**
 * 业主表决 (the owner's page of one decision): the materials and the rules it runs under, my part of the roll,
 * then what the moment asks of me — check the roll and object, vote with the SMS code, or read the result.
 */
export function DecisionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const decision = useMyDecision(id);
  const loaded = decision.isSuccess;
  useEffect(() => {
    if (!loaded || opened.has(id)) return;
    opened.add(id);
    // Delivery (送达) is a record for the organisers; the owner reading the page needs no word of it.
    recordOpened(id).catch(() => opened.delete(id));
  }, [id, loaded]);
  return (
    <>
      <BackTitle fallback="/decide">{t('decisionsH5.detailTitle')}</BackTitle>
      {decision.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : decision.isError ? (
        <LoadError error={decision.error} retry={() => void decision.refetch()} />
      ) : (
        <DecisionView d={decision.data} />
      )}
    </>
  );
}

function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'NOT_AN_OWNER') return <ErrorBlock status="disconnected" fullPage={false} title={t('decisionsH5.notOwnerTitle')} description={error.message} />;
  if (code === 'DECISION_NOT_FOUND') return <ErrorBlock status="empty" fullPage={false} title={t('decisionsH5.notFoundTitle')} description={error.message} />;
  return (
    <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={error.message}>
      <Button color="primary" onClick={retry}>
        {t('common.retry')}
      </Button>
    </ErrorBlock>
  );
}

function DecisionView({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const voted = d.entries.some((e) => e.representative) && d.entries.every((e) => !e.representative || e.voted);
  const early = !!d.opensAt && new Date(d.opensAt).getTime() > Date.now();
  const hint = d.status === 'open' ? (d.votingOpen ? (voted ? 'open_voted' : 'open') : early ? 'open_soon' : 'open_ended') : d.status;
  return (
    <>
      <section className="gz-dec-hero" aria-label={t('decisionsH5.field.scope')}>
        <StatusTag status={d.status} />
        <h2>{d.title}</h2>
        <p>{t(`decisionsH5.statusHint.${hint}`, { defaultValue: '' })}</p>
        {d.status === 'open' && d.closesAt && <p className="gz-dec-deadline">{t('decisionsH5.until', { time: formatDateTime(d.closesAt) })}</p>}
      </section>

      {d.kind === 'election' && <ElectionSection d={d} />}
      {d.status === 'published' && <ResultCard d={d} />}

      <Items d={d} />

      {d.kind === 'elevator' && <MyShare d={d} />}

      <MyPaperBallots d={d} />

      {d.status === 'open' && <VoteArea d={d} />}

      <MyProxies d={d} />
      <MyReceipts d={d} />

      {(d.status === 'closed' || d.status === 'published') && d.ballots.length > 0 && (
        <section className="gz-dec-card" aria-label={t('decisionsH5.myBallots.title')}>
          <MyBallots d={d} ballots={d.ballots} />
        </section>
      )}

      {d.status === 'roll_published' && <Objections d={d} />}

      <MyPart d={d} />

      <List header={t('decisionsH5.rules.title')}>
        <List.Item description={d.rules.votingDays.clause}>{t('decisionsH5.rules.votingDays', { days: d.rules.votingDays.value })}</List.Item>
        <List.Item description={d.rules.revote.clause}>{d.rules.revote.value ? t('decisionsH5.rules.revoteYes') : t('decisionsH5.rules.revoteNo')}</List.Item>
        {d.rules.followMajority.value && <List.Item description={d.rules.followMajority.clause}>{t('decisionsH5.rules.followMajority')}</List.Item>}
      </List>

      <List header={t('decisionsH5.about')}>
        <List.Item extra={<span className="gz-dec-wrap">{d.placeLabel}</span>}>{t('decisionsH5.field.scope')}</List.Item>
        <List.Item extra={t(`decisionsH5.organiserKind.${d.organiserKind}`)} description={<span className="gz-dec-pre">{d.organiserAuthority}</span>}>
          {t('decisionsH5.field.organiser')}
        </List.Item>
        {d.objectionUntil && <List.Item extra={formatDate(d.objectionUntil)}>{t('decisionsH5.field.objectionUntil')}</List.Item>}
        {d.opensAt && d.closesAt && (
          <List.Item description={`${formatDateTime(d.opensAt)} — ${formatDateTime(d.closesAt)}`}>{t('decisionsH5.field.votingPeriod')}</List.Item>
        )}
        {d.totals.heads !== null && (
          <List.Item extra={t('decisionsH5.rollTotals', { heads: d.totals.heads, area: m2(d.totals.areaCenti) })}>{t('decisionsH5.field.roll')}</List.Item>
        )}
        {d.description && <List.Item description={<span className="gz-dec-pre">{d.description}</span>}>{t('decisionsH5.field.description')}</List.Item>}
      </List>

      {d.status === 'published' && <Inspection id={d.id} />}
    </>
  );
}

/** Each item with its matter in words and what it takes to pass, in plain words. */
function Items({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-items">
      <h2 id="gz-dec-items">{t('decisionsH5.items.title')}</h2>
      {d.items.map((i) => (
        <div key={i.no} className="gz-dec-item">
          <h3 className="gz-dec-item-title">
            {i.no}. {i.title}
          </h3>
          <p>{t('decisionsH5.items.matter', { label: matterText(i.matter) })}</p>
          <p>{t(`decisionsH5.items.${i.threshold}`)}</p>
          <p>{t('decisionsH5.items.legalBasis', { basis: i.legalBasis })}</p>
          {i.description && <p className="gz-dec-pre">{i.description}</p>}
        </div>
      ))}
      <p className="gz-dec-hint">{t('decisionsH5.items.participation')}</p>
    </section>
  );
}

/** While voting is open: a ballot per roll entry I cast for, or the ballot I cast (with 修改投票 where the rules allow). */
function VoteArea({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState<string | null>(null);
  return (
    <>
      {d.entries.map((e) => {
        const ballots = d.ballots.filter((b) => b.entryId === e.id);
        if (!e.representative) {
          return (
            <section key={e.id} className="gz-dec-card" aria-label={t('decisionsH5.ballot.title')}>
              <p>{t('decisionsH5.ballot.notRepresentative', { name: e.coOwnersLabel ?? '' })}</p>
              {ballots.length > 0 && <MyBallots d={d} ballots={ballots} />}
            </section>
          );
        }
        if (!d.votingOpen && ballots.length === 0) return null;
        if (e.canVote && (!e.voted || changing === e.id)) {
          return <BallotForm key={`${e.id}-${changing ?? ''}`} d={d} entry={e} onDone={() => setChanging(null)} onCancel={e.voted ? () => setChanging(null) : undefined} />;
        }
        return (
          <section key={e.id} className="gz-dec-card" aria-label={t('decisionsH5.myBallots.title')}>
            <MyBallots d={d} ballots={ballots} entry={d.entries.length > 1 ? e : undefined} />
            {e.voted && e.canVote && d.rules.revote.value ? (
              <Button block size="large" onClick={() => setChanging(e.id)} style={{ marginTop: 12 }}>
                {t('decisionsH5.ballot.change')}
              </Button>
            ) : (
              e.voted && !d.rules.revote.value && <p className="gz-dec-hint">{t('decisionsH5.ballot.noRevote')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

function MyPart({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  return (
    <List header={t('decisionsH5.mine.title')}>
      {d.entries.map((e) => (
        <List.Item
          key={e.id}
          description={
            <>
              <div>{t('decisionsH5.mine.area', { area: m2(e.areaCenti) })}</div>
              {e.coOwners > 1 && <div>{e.representative ? t('decisionsH5.mine.representative') : t('decisionsH5.mine.byOther', { name: e.coOwnersLabel ?? '' })}</div>}
            </>
          }
          extra={t('decisionsH5.mine.entry', { no: e.no })}
        >
          {e.rooms.join('，')}
        </List.Item>
      ))}
      {d.status !== 'roll_published' && d.totals.heads !== null && (
        <List.Item>
          <Link to={`/decisions/${d.id}/roll`} className="gz-dec-link">
            {t('decisionsH5.mine.viewRoll')}
          </Link>
        </List.Item>
      )}
    </List>
  );
}

/** While the roll is published: the link to check it, the objection form, and my objections with their answers. */
function Objections({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const file = useFileObjection(d.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await file.mutateAsync(text.trim());
      setText('');
      Toast.show({ icon: 'success', content: t('decisionsH5.objection.sent') });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <section className="gz-dec-card" aria-labelledby="gz-dec-objection">
        <Button block size="large" color="primary" fill="outline" onClick={() => navigate(`/decisions/${d.id}/roll`)}>
          {t('decisionsH5.mine.viewRoll')}
        </Button>
        {d.objectionUntil && <p className="gz-dec-hint">{t('decisionsH5.roll.until', { date: formatDate(d.objectionUntil) })}</p>}
        <h2 id="gz-dec-objection" style={{ marginTop: 16 }}>
          {t('decisionsH5.objection.title')}
        </h2>
        <p className="gz-dec-hint">{t('decisionsH5.objection.hint')}</p>
        <label htmlFor="gz-dec-objection-text" className="gz-dec-sr-only">
          {t('decisionsH5.objection.title')}
        </label>
        <TextArea id="gz-dec-objection-text" value={text} onChange={setText} placeholder={t('decisionsH5.objection.placeholder')} maxLength={500} rows={3} showCount />
        {error && (
          <p className="gz-dec-error" role="alert">
            {error}
          </p>
        )}
        <Button block color="primary" size="large" disabled={!text.trim()} loading={file.isPending} onClick={send} style={{ marginTop: 12 }}>
          {t('decisionsH5.objection.submit')}
        </Button>
      </section>
      {d.objections.length > 0 && (
        <List header={t('decisionsH5.objection.mine')}>
          {d.objections.map((o) => (
            <List.Item
              key={o.id}
              extra={
                <Tag color={o.status === 'answered' ? 'success' : 'warning'} fill="outline" className="gz-dec-tag">
                  {t(`decisionsH5.objection.${o.status}`)}
                </Tag>
              }
              description={
                <>
                  <div>{formatDateTime(o.createdAt)}</div>
                  {o.answer && <div className="gz-dec-pre">{t('decisionsH5.objection.answer', { answer: o.answer })}</div>}
                </>
              }
            >
              <span className="gz-dec-pre">{o.text}</span>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** 申请查阅表决资料: a recorded request, passed to the owners' committee and the street. */
function Inspection({ id }: { id: string }) {
  const { t } = useTranslation();
  const ask = useRequestInspection(id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await ask.mutateAsync(reason.trim());
      setReason('');
      setOpen(false);
      Toast.show({ icon: 'success', content: t('decisionsH5.inspection.sent') });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  if (!open) {
    return (
      <div className="gz-padded">
        <Button block size="large" onClick={() => setOpen(true)}>
          {t('decisionsH5.inspection.title')}
        </Button>
      </div>
    );
  }
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-inspection">
      <h2 id="gz-dec-inspection">{t('decisionsH5.inspection.title')}</h2>
      <p className="gz-dec-hint">{t('decisionsH5.inspection.hint')}</p>
      <label htmlFor="gz-dec-inspection-reason" className="gz-dec-sr-only">
        {t('decisionsH5.inspection.placeholder')}
      </label>
      <TextArea id="gz-dec-inspection-reason" value={reason} onChange={setReason} placeholder={t('decisionsH5.inspection.placeholder')} maxLength={500} rows={3} showCount />
      {error && (
        <p className="gz-dec-error" role="alert">
          {error}
        </p>
      )}
      <div className="gz-dec-actions">
        <Button block color="primary" size="large" disabled={!reason.trim()} loading={ask.isPending} onClick={send}>
          {t('decisionsH5.inspection.submit')}
        </Button>
        <Button block size="large" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </section>
  );
}
