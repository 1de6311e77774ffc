import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, todayInShanghai } from '../../../../shared/format.ts';
import type { MyDecision } from '../../h5/api.ts';
import { type CandidateStatus, nominationsOpen, useMyCandidacies } from '../api.ts';
import { electionOf, electionResultOf } from './election-h5.ts';
import { StandForm } from './StandForm.tsx';
import './election-h5.css';
import '../i18n.ts';

const STATUS_COLOR: Record<CandidateStatus, 'default' | 'primary' | 'warning' | 'danger' | 'success'> = {
  nominated: 'default',
  vetting: 'default',
  returned: 'warning',
  rejected: 'danger',
  approved: 'success',
  withdrawn: 'default',
};

export function CandidacyStatusTag({ status }: { status: CandidateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} fill="outline" className="gz-dec-tag">
      {t(`decisionsElection.status.${status}`)}
    </Tag>
  );
}

/** 业委会选举 on the owner's page of an election: the seats, 我要参选 while nominations are open, my candidacy, and the elected once published. */
export function ElectionSection({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const info = electionOf(d);
  const mine = useMyCandidacies();
  const [standing, setStanding] = useState(false);
  const myHere = mine.data?.items.find((c) => c.decisionId === d.id && c.status !== 'withdrawn');
  const open = nominationsOpen(d.status, info?.nominationUntil ?? null, todayInShanghai());
  const result = d.status === 'published' ? electionResultOf(d) : null;

  if (standing) return <StandForm d={d} onDone={() => setStanding(false)} onCancel={() => setStanding(false)} />;
  return (
    <section className="gz-dec-card" aria-labelledby="gz-el-section">
      <h2 id="gz-el-section">{t('decisionsElection.h5.section')}</h2>
      {info && <p className="gz-dec-hint">{t('decisionsElection.h5.seatsLine', { seats: info.seats, alternates: info.alternates, termYears: info.termYears })}</p>}
      {result && <ElectedNames result={result} />}
      {open && !myHere && (
        <>
          <p className="gz-dec-hint">
            {info?.nominationUntil ? t('decisionsElection.h5.nominationsOpen', { date: formatDate(info.nominationUntil) }) : t('decisionsElection.h5.nominationsOpenNoDate')}
          </p>
          <Button block color="primary" size="large" onClick={() => setStanding(true)}>
            {t('decisionsElection.h5.stand')}
          </Button>
        </>
      )}
      {myHere && (
        <p>
          <Link to="/me/candidacies" className="gz-dec-link">
            {t('decisionsElection.h5.myCandidacy')}
          </Link>{' '}
          <CandidacyStatusTag status={myHere.status} />
        </p>
      )}
    </section>
  );
}

function ElectedNames({ result }: { result: NonNullable<ReturnType<typeof electionResultOf>> }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('decisionsElection.h5.elected')}</h3>
      <p className="gz-el-names">{result.elected.length ? result.elected.map((c) => c.name).join('、') : t('decisionsElection.h5.noneElected')}</p>
      {result.alternates.length > 0 && (
        <>
          <h3>{t('decisionsElection.h5.alternates')}</h3>
          <p className="gz-el-names">{result.alternates.map((c) => c.name).join('、')}</p>
        </>
      )}
      {result.tie && !result.tie.settled && <p className="gz-dec-hint">{t('decisionsElection.h5.tiePending')}</p>}
      {result.vacancies > 0 && <p className="gz-dec-hint">{t('decisionsElection.h5.vacancies', { n: result.vacancies })}</p>}
    </>
  );
}
