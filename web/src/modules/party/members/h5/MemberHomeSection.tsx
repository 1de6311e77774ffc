import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentHome } from '../../../../resident/home.ts';

interface Slice {
  partyMember?: { organisationName: string; badgePublic: boolean };
}

/** For a member's home: 党员之家, their organisation, leading to 我的党员身份 (server: the members part's residentHome). */
export function MemberHomeSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = useResidentHome<Slice>();
  const m = home.data?.partyMember;
  if (!m) return null;
  return (
    <section aria-label={t('partyMembers.h5.home')}>
      <List header={t('partyMembers.h5.home')}>
        <List.Item clickable onClick={() => void navigate('/party/me')} description={m.organisationName}>
          {t('partyMembers.h5.title')}
        </List.Item>
      </List>
    </section>
  );
}
