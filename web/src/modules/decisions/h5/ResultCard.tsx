import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemTally, Tally } from '#server/modules/decisions/contract.ts';
import type { Jsonify } from '../../../shared/api.ts';
import type { MyDecision } from './api.ts';
import { m2 } from './format.ts';

type Result = Jsonify<Tally>;

/**
 * The published result per item: passed or not, who took part against the whole roll, and each choice by heads
 * and area. The strict Civil Code tally is the legal result; a 从众 tally, if the rules have one, sits beneath it
 * labelled with its clause.
 */
export function ResultCard({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const result = d.result as Result | null;
  if (!result) return <p className="gz-padded gz-dec-hint">{t('decisionsH5.result.pending')}</p>;
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-result">
      <h2 id="gz-dec-result">{t('decisionsH5.result.title')}</h2>
      <p className="gz-dec-hint">{t('decisionsH5.result.legal')}</p>
      {result.items.map((i) => (
        <ItemResult key={i.no} item={i} title={d.items.find((x) => x.no === i.no)?.title ?? ''} totals={result.totals} />
      ))}
      {result.adjusted && (
        <div className="gz-dec-adjusted">
          <p className="gz-dec-hint">{t('decisionsH5.result.adjusted', { clause: result.adjusted.clause })}</p>
          {result.adjusted.items.map((i) => (
            <ItemResult key={i.no} item={i} title={d.items.find((x) => x.no === i.no)?.title ?? ''} totals={result.totals} />
          ))}
        </div>
      )}
      <Link to={`/p/decisions.result/${d.id}`} className="gz-dec-link">
        {t('decisionsH5.result.publicPage')}
      </Link>
    </section>
  );
}

function ItemResult({ item: i, title, totals }: { item: Jsonify<ItemTally>; title: string; totals: Result['totals'] }) {
  const { t } = useTranslation();
  return (
    <div className="gz-dec-item">
      <h3 className="gz-dec-item-title">
        <Tag color={i.passed ? 'success' : 'danger'} fill="solid" className="gz-dec-tag">
          {i.passed ? t('decisionsH5.result.passed') : t('decisionsH5.result.failed')}
        </Tag>{' '}
        {i.no}. {title}
      </h3>
      <p>
        {t('decisionsH5.result.participation', {
          heads: i.participating.heads,
          totalHeads: totals.heads,
          area: m2(i.participating.areaCenti),
          totalArea: m2(totals.areaCenti),
        })}
      </p>
      <p>{i.quorum.met ? t('decisionsH5.result.quorumMet') : t('decisionsH5.result.quorumNotMet')}</p>
      <table className="gz-dec-table">
        <thead>
          <tr>
            <th scope="col">{t('decisionsH5.result.choice')}</th>
            <th scope="col">{t('decisionsH5.result.heads')}</th>
            <th scope="col">{t('decisionsH5.result.area')}</th>
          </tr>
        </thead>
        <tbody>
          {(['for', 'against', 'abstain'] as const).map((c) => (
            <tr key={c}>
              <th scope="row">{t(`decisionsH5.choice.${c}`)}</th>
              <td>{i[c].heads}</td>
              <td>{m2(i[c].areaCenti)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t(`decisionsH5.items.${i.threshold}`)}</p>
    </div>
  );
}
