import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../../resident/PageTitle.tsx';
import { type MyBills, useMyBills, yuan } from '../api.ts';
import './fees-bills-h5.css';

type Room = MyBills['rooms'][number];

/** 我的账单: per room I pay for, the open bills with what is due (去缴费 pays them all), then what was paid. */
export function MyBillsPage() {
  const { t } = useTranslation();
  const mine = useMyBills();
  return (
    <>
      <PageTitle>{t('feesBills.h5.myBills')}</PageTitle>
      {mine.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : mine.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={mine.error.message} />
      ) : mine.data.rooms.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('feesBills.h5.noRooms')} />
      ) : (
        <>
          <div className="gz-feb-total" role="status">
            <div>{t('feesBills.h5.totalDue')}</div>
            <div className="gz-feb-total-amount">¥{yuan(mine.data.totalDueFen)}</div>
          </div>
          {mine.data.rooms.map((room) => (
            <RoomBills key={room.roomId} room={room} />
          ))}
        </>
      )}
    </>
  );
}

function RoomBills({ room }: { room: Room }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="gz-feb-room" aria-label={room.roomLabel}>
      <List header={room.roomLabel}>
        {room.open.length === 0 && <List.Item>{t('feesBills.h5.allPaid')}</List.Item>}
        {room.open.map((b) => (
          <List.Item
            key={b.id}
            arrowIcon
            onClick={() => void navigate(`/fees/bills/${b.id}`)}
            description={t('feesBills.h5.dueOn', { date: b.dueOn })}
            extra={<span className="gz-feb-amount gz-feb-due">¥{yuan(b.dueFen)}</span>}
          >
            {b.periodLabel}
          </List.Item>
        ))}
      </List>
      <div className="gz-feb-actions">
        {room.open.length > 0 && (
          <Button color="primary" block onClick={() => void navigate(`/fees/pay?bills=${room.open.map((b) => b.id).join(',')}`)}>
            {t('feesBills.h5.pay')} ¥{yuan(room.dueFen)}
          </Button>
        )}
        {room.owner && (
          <Button block onClick={() => void navigate(`/fees/rooms/${room.roomId}/payers`)}>
            {t('feesBills.h5.authorise')}
          </Button>
        )}
      </div>
      {room.history.length > 0 && (
        <List header={t('feesBills.h5.paidHistory')}>
          {room.history.map((b) => (
            <List.Item key={b.id} arrowIcon onClick={() => void navigate(`/fees/bills/${b.id}`)} extra={<span className="gz-feb-amount">¥{yuan(b.paidFen)}</span>}>
              {b.periodLabel} <Tag color={b.status === 'paid' ? 'success' : 'default'}>{t(`feesBills.status.${b.status}`)}</Tag>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
