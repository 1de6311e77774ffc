import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import type { MyDecision } from '../../h5/api.ts';
import { ChoicesSummary } from '../../h5/ChoicesSummary.tsx';
import type { BallotStatus, Choice } from '../api.ts';
import '../i18n.ts';
import './paper-h5.css';

/** The owner's plain words for a ballot's status: the back office's steps of a check are all "to be checked". */
type Plain = 'checking' | 'counted' | 'invalid' | 'duplicate' | 'superseded';
const PLAIN: Record<BallotStatus, Plain> = {
  entered: 'checking',
  mismatched: 'checking',
  held: 'checking',
  counted: 'counted',
  invalid: 'invalid',
  duplicate: 'duplicate',
  superseded: 'superseded',
};
const COLOR: Record<Plain, 'primary' | 'success' | 'danger' | 'warning' | 'default'> = {
  checking: 'primary',
  counted: 'success',
  invalid: 'danger',
  duplicate: 'warning',
  superseded: 'default',
};

/**
 * 我的纸质票和委托投票 on the owner's decision page: each paper or proxy ballot entered for my rooms with its plain
 * status (待核对 / 已计入 / 无效 / 重复), what that means, and what to do when it was not me.
 */
export function MyPaperBallots({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  // Online ballots are the ballot section's; paper and proxy ones are entered by staff and shown here.
  const ballots = d.ballots.filter((b) => b.channel !== 'online');
  if (ballots.length === 0) return null;
  const rooms = (entryId: string) => d.entries.find((e) => e.id === entryId)?.rooms.join('，') ?? '';
  return (
    <section className="gz-dec-card" aria-labelledby="gz-paper-mine">
      <h2 id="gz-paper-mine">{t('decisionsPaper.h5.title')}</h2>
      {ballots.map((b) => {
        const plain = PLAIN[b.status as BallotStatus] ?? 'checking';
        const extra = b as { proxyName?: string | null; invalidReason?: string | null };
        const choices = b.choices as Record<string, Choice> | null;
        return (
          <div key={b.id} className="gz-dec-item gz-paper-ballot">
            <p>
              <Tag color={COLOR[plain]} fill={plain === 'counted' ? 'solid' : 'outline'} className="gz-dec-tag">
                {t(`decisionsPaper.h5.status.${plain}`)}
              </Tag>{' '}
              <strong>
                {b.channel === 'proxy'
                  ? extra.proxyName
                    ? t('decisionsPaper.h5.proxy', { name: extra.proxyName })
                    : t('decisionsPaper.h5.proxyUnnamed')
                  : t('decisionsPaper.h5.paper')}
              </strong>
            </p>
            {d.entries.length > 1 && <p>{rooms(b.entryId)}</p>}
            <p>
              {plain === 'invalid'
                ? extra.invalidReason
                  ? t('decisionsPaper.h5.explain.invalid', { reason: t(`decisionsPaper.invalidReason.${extra.invalidReason}`) })
                  : t('decisionsPaper.h5.explain.invalidNoReason')
                : t(`decisionsPaper.h5.explain.${plain}`)}
            </p>
            <p>{t('decisionsPaper.h5.enteredAt', { time: formatDateTime(b.castAt) })}</p>
            {choices && plain !== 'invalid' && (
              <ChoicesSummary items={d.items} choices={choices} />
            )}
          </div>
        );
      })}
      <p className="gz-dec-hint">{t('decisionsPaper.h5.notMine')}</p>
    </section>
  );
}
