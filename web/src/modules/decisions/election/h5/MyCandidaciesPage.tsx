import { Button, DotLoading, ErrorBlock, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type MyCandidacy, NOTE_MAX, STATEMENT_MAX, useCorrectMyCandidacy, useMyCandidacies } from '../api.ts';
import { CandidacyStatusTag } from './ElectionSection.tsx';
import { useReasonLabel } from '../reason-labels.ts';
import './election-h5.css';
import '../i18n.ts';

/** 我的参选: each candidacy's status and every department's verdict with its reason (the reason reaches the candidate); 补正材料 when returned. */
export function MyCandidaciesPage() {
  const { t } = useTranslation();
  const mine = useMyCandidacies();
  return (
    <>
      <BackTitle fallback="/decide">{t('decisionsElection.h5.mineTitle')}</BackTitle>
      {mine.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={mine.error.message}>
          <Button color="primary" onClick={() => void mine.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      ) : mine.data.items.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('decisionsElection.h5.none')} description="" />
      ) : (
        mine.data.items.map((c) => <CandidacyCard key={c.id} c={c} />)
      )}
    </>
  );
}

function CandidacyCard({ c }: { c: MyCandidacy }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  return (
    <section className="gz-dec-card" aria-label={c.decisionTitle ?? c.name}>
      <h2>{c.decisionTitle ?? t('decisionsElection.h5.section')}</h2>
      <p>
        {t('decisionsElection.h5.statusLabel')}：<CandidacyStatusTag status={c.status} /> <span className="gz-dec-hint">{t('decisionsElection.h5.roundLabel', { n: c.round })}</span>
      </p>
      <p className="gz-dec-hint">{c.roomLabel}</p>
      <h3>{t('decisionsElection.h5.verdicts')}</h3>
      <div>
        {c.verdicts.map((v, i) => (
          <div key={`${v.departmentName}-${i}`} className="gz-el-verdict">
            <div>
              <div>{v.departmentName}</div>
              {v.verdict && v.reasonCode && v.reasonCode !== 'ok' && (
                <div className="gz-dec-hint">
                  {reasonLabel(v.reasonCode)}
                  {v.note ? `：${v.note}` : ''}
                </div>
              )}
              {v.verdict && v.reasonCode === 'ok' && v.note && <div className="gz-dec-hint">{v.note}</div>}
              {v.at && <div className="gz-dec-hint">{formatDateTime(v.at)}</div>}
            </div>
            <strong style={{ whiteSpace: 'nowrap', color: v.stale ? 'var(--adm-color-weak)' : verdictColor(v.verdict) }}>
              {v.verdict ? (v.stale ? t('decisionsElection.verdict.stale') : t(`decisionsElection.verdict.${v.verdict}`)) : t('decisionsElection.h5.pending')}
            </strong>
          </div>
        ))}
      </div>
      {(c.canCorrect ?? c.status === 'returned') && <CorrectForm c={c} />}
      <p>
        <Link to={`/decisions/${c.decisionId}`} className="gz-dec-link">
          {t('decisionsElection.h5.toElection')}
        </Link>
      </p>
    </section>
  );
}

const verdictColor = (v: string | null) => (v === 'approve' ? 'var(--adm-color-success)' : v === 'reject' ? 'var(--adm-color-danger)' : v === 'return' ? 'var(--adm-color-warning)' : 'var(--adm-color-weak)');

/** 补正材料: a corrected statement and what changed; the department that returned it looks again. */
function CorrectForm({ c }: { c: MyCandidacy }) {
  const { t } = useTranslation();
  const correct = useCorrectMyCandidacy();
  const [statement, setStatement] = useState(c.statement);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    if (!note.trim()) return setError(t('decisionsElection.h5.correctNoteRequired'));
    try {
      await correct.mutateAsync({ candidateId: c.id, statement: statement.trim(), note: note.trim() });
      Toast.show({ icon: 'success', content: t('decisionsElection.h5.corrected') });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div style={{ marginTop: 12 }}>
      <h3>{t('decisionsElection.h5.correctTitle')}</h3>
      <p className="gz-dec-hint">{t('decisionsElection.h5.correctHint')}</p>
      <label className="gz-el-field" htmlFor={`gz-el-cs-${c.id}`}>
        {t('decisionsElection.h5.statement')}
      </label>
      <TextArea id={`gz-el-cs-${c.id}`} value={statement} onChange={setStatement} maxLength={STATEMENT_MAX} rows={4} showCount />
      <label className="gz-el-field" htmlFor={`gz-el-cn-${c.id}`}>
        {t('decisionsElection.h5.correctNote')}
      </label>
      <TextArea id={`gz-el-cn-${c.id}`} value={note} onChange={setNote} placeholder={t('decisionsElection.h5.correctNotePlaceholder')} maxLength={NOTE_MAX} rows={2} />
      {error && (
        <p className="gz-dec-error" role="alert">
          {error}
        </p>
      )}
      <div className="gz-dec-actions">
        <Button block color="primary" size="large" loading={correct.isPending} disabled={!note.trim()} onClick={submit}>
          {t('decisionsElection.h5.correctSubmit')}
        </Button>
      </div>
    </div>
  );
}
