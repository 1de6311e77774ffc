import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** An attendee's posts among the invited bodies, one tag each (a person may hold several: 交叉任职); none: a guest. */
export function AttendeePositions({ positions }: { positions: { organisationName: string; title: string }[] }) {
  const { t } = useTranslation();
  if (positions.length === 0) return <Typography.Text type="secondary">{t('deliberationMeetings.page.guest')}</Typography.Text>;
  return (
    <>
      {positions.map((p, i) => (
        <Tag key={i} color={positions.length > 1 ? 'geekblue' : undefined}>
          {[p.organisationName, p.title].filter(Boolean).join(' ')}
        </Tag>
      ))}
    </>
  );
}
