import { Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDecision } from '../../h5/api.ts';
import { electionOf, forCount } from './election-h5.ts';
import '../i18n.ts';

type Item = MyDecision['items'][number];

/** A candidate on the election's ballot: the name, room and 党员 tag, the statement folded (it can be long). */
export function BallotCandidate({ d, item }: { d: MyDecision; item: Item }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const c = electionOf(d)?.candidates?.find((x) => (x.itemNo ?? x.no) === item.no || x.name === item.title);
  const statement = c?.statement ?? item.description;
  return (
    <>
      <span>
        {item.no}. {item.title}
      </span>
      {c && (
        <span className="gz-el-meta">
          {c.roomLabel}
          {c.partyMember && (
            <Tag color="danger" fill="outline" className="gz-dec-tag" style={{ marginInlineStart: 6 }}>
              {t('decisionsElection.card.party')}
            </Tag>
          )}
        </span>
      )}
      {statement && (
        <span className="gz-el-statement">
          {open && <span className="gz-dec-pre gz-el-statement-text">{statement}</span>}
          <button type="button" className="gz-el-more" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('decisionsElection.h5.less') : t('decisionsElection.h5.more')}
          </button>
        </span>
      )}
    </>
  );
}

/** 已选同意 k / N 人, and a plain warning when k > N (the ballot cannot be sent then). */
export function BallotCap({ d, choices }: { d: MyDecision; choices: Record<string, string> }) {
  const { t } = useTranslation();
  const seats = electionOf(d)?.seats;
  if (seats === undefined) return null;
  const k = forCount(choices);
  return (
    <div aria-live="polite">
      <p className="gz-dec-hint">{t('decisionsElection.h5.capHint', { n: seats })}</p>
      <p className={k > seats ? 'gz-dec-error' : 'gz-el-cap'}>{t('decisionsElection.h5.cap', { k, n: seats })}</p>
      {k > seats && (
        <p className="gz-dec-error" role="alert">
          {t('decisionsElection.h5.capOver', { n: seats })}
        </p>
      )}
    </div>
  );
}
