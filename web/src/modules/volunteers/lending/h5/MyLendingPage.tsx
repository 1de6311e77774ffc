import { ErrorBlock, List, Space, Tabs, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMyLending } from '../api.ts';
import { LoanCard } from './LoanCard.tsx';
import { Loaded } from '../../../../resident/Loaded.tsx';

/** 我的出借: requests and loans of my tools and books (同意借出 / 婉拒 / 确认归还), what I borrowed, and my items. */
export function MyLendingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyLending();
  return (
    <>
      <BackTitle fallback="/volunteers/lending">{t('volLending.h5.mineTitle')}</BackTitle>
      <Loaded q={mine}>
        {(d) => (
          <Tabs defaultActiveKey="lent">
            <Tabs.Tab title={t('volLending.h5.tabs.lent')} key="lent">
              {d.lent.length === 0 ? (
                <ErrorBlock status="empty" fullPage={false} title={t('volLending.h5.noLent')} />
              ) : (
                <Space direction="vertical" block>
                  {d.lent.map((l) => (
                    <LoanCard key={l.id} loan={l} />
                  ))}
                </Space>
              )}
            </Tabs.Tab>
            <Tabs.Tab title={t('volLending.h5.tabs.borrowed')} key="borrowed">
              {d.borrowed.length === 0 ? (
                <ErrorBlock status="empty" fullPage={false} title={t('volLending.h5.noBorrowed')} />
              ) : (
                <Space direction="vertical" block>
                  {d.borrowed.map((l) => (
                    <LoanCard key={l.id} loan={l} />
                  ))}
                </Space>
              )}
            </Tabs.Tab>
            <Tabs.Tab title={t('volLending.h5.tabs.items')} key="items">
              {d.items.length === 0 ? (
                <ErrorBlock status="empty" fullPage={false} title={t('volLending.h5.noItems')} />
              ) : (
                <List>
                  {d.items.map((i) => (
                    <List.Item
                      key={i.id}
                      onClick={i.hidden ? undefined : () => void navigate(`/volunteers/lending/${i.id}`)}
                      description={i.hidden ? t('volLending.h5.hiddenBecause', { reason: i.hiddenReason ?? '' }) : undefined}
                      extra={<Tag color={i.status === 'lent' ? 'primary' : 'success'}>{i.status === 'lent' ? t('volLending.status.lent') : t('volLending.h5.available')}</Tag>}
                    >
                      {t(`volLending.kind.${i.kind}`)} · {i.title}
                    </List.Item>
                  ))}
                </List>
              )}
            </Tabs.Tab>
          </Tabs>
        )}
      </Loaded>
    </>
  );
}
