import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';
import { yuan } from '../api.ts';
import './fees-bills-h5.css';

interface Slice {
  feesDue?: { dueFen: number; openBills: number };
}

/** For the resident home: 待缴物业费 with the total due over my rooms (server: the bills part's residentHome). */
export function FeesDueHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const due = home.data?.feesDue;
  if (!due || due.openBills === 0) return null;
  return (
    <section aria-label={t('feesBills.h5.homeTitle')}>
      <List header={t('feesBills.h5.homeTitle')}>
        <List.Item arrowIcon onClick={() => void navigate('/fees')} description={t('feesBills.h5.homeBills', { count: due.openBills })} extra={<span className="gz-feb-amount gz-feb-due">¥{yuan(due.dueFen)}</span>}>
          {t('feesBills.h5.totalDue')}
        </List.Item>
      </List>
    </section>
  );
}
