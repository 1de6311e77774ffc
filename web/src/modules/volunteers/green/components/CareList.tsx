import { Empty, Image, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import { type CareRecord, photoUrl } from '../api.ts';

/** A plot's care records for staff: when, who, what, the note and the photos. */
export function CareList({ care }: { care: CareRecord[] }) {
  const { t } = useTranslation();
  if (!care.length) return <Empty description={t('volGreen.plot.noCare')} />;
  return (
    <List
      dataSource={care}
      renderItem={(c) => (
        <List.Item key={c.id}>
          <List.Item.Meta
            title={
              <Space>
                <Tag color="green">{t(`volGreen.care.${c.kind}`)}</Tag>
                {c.personName}
                <span style={{ color: '#888', fontWeight: 'normal' }}>{formatDateTime(c.createdAt)}</span>
              </Space>
            }
            description={
              <>
                {c.note && <div>{c.note}</div>}
                {c.photoIds.length > 0 && (
                  <Image.PreviewGroup>
                    <Space wrap style={{ marginTop: 8 }}>
                      {c.photoIds.map((p) => (
                        <Image key={p} src={photoUrl(p)} width={96} height={96} style={{ objectFit: 'cover' }} alt="" />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
