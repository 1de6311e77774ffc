import { Card, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { SubsidyStage } from '#server/modules/fees/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { useMySubsidies, yuan } from '../api.ts';

const STAGE_COLOR: Record<SubsidyStage, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = { pending: 'default', reviewing: 'warning', approved: 'primary', paid: 'success', reversed: 'danger' };

/** 物业费补贴: my household's 先缴后补 subsidies per bill, each with where it stands (待结算 → 审核中 → 已审批 → 已发放). */
export function MySubsidiesPage() {
  const { t } = useTranslation();
  const mine = useMySubsidies();
  return (
    <>
      <BackTitle fallback="/">{t('feesSubsidies.h5.title')}</BackTitle>
      <p style={{ margin: '8px 12px', color: 'var(--adm-color-weak)' }}>{t('feesSubsidies.h5.intro')}</p>
      {mine.isPending ? (
        <DotLoading />
      ) : mine.isError ? (
        <ErrorBlock status="default" title={t('feesSubsidies.h5.loadFailed')} />
      ) : mine.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('feesSubsidies.h5.none')} description={t('feesSubsidies.h5.noneHelp')} />
      ) : (
        <>
          <Card>
            <div>
              {t('feesSubsidies.h5.granted')} ¥{yuan(mine.data.totals.grantedFen)}
            </div>
            <div>
              {t('feesSubsidies.h5.paid')} ¥{yuan(mine.data.totals.paidFen)}
            </div>
          </Card>
          <List>
            {mine.data.items.map((l) => (
              <List.Item
                key={l.id}
                description={
                  <>
                    <div>{l.roomLabel}</div>
                    <div>
                      {t('feesSubsidies.h5.formula')}：{l.formula}
                    </div>
                  </>
                }
                extra={
                  <>
                    ¥{yuan(l.amountFen)}
                    <Tag color={STAGE_COLOR[l.stage]} style={{ marginLeft: 6 }} data-stage={l.stage}>
                      {t(`feesSubsidies.stage.${l.stage}`)}
                    </Tag>
                  </>
                }
              >
                {t('feesSubsidies.h5.billPeriod', { period: l.period })} · {formatDate(l.grantedAt)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
