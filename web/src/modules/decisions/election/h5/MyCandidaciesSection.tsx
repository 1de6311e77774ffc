import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMyCandidacies } from '../api.ts';
import { CandidacyStatusTag } from './ElectionSection.tsx';
import '../i18n.ts';

/** 议事 → 我的参选: only for an owner who stands in an election, each candidacy with where its vetting stands. */
export function MyCandidaciesSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyCandidacies();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <List header={t('decisionsElection.h5.myCandidacy')}>
      {items.map((c) => (
        <List.Item key={c.id} clickable onClick={() => navigate('/me/candidacies')} extra={<CandidacyStatusTag status={c.status} />}>
          {c.decisionTitle ?? c.name}
        </List.Item>
      ))}
    </List>
  );
}
