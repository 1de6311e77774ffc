import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFigure } from '../api.ts';

const KEYS = [
  ['grid.mediation_cases', 'cases'],
  ['grid.mediation_settled_share', 'settled'],
  ['grid.mediation_on_time_share', 'onTime'],
] as const;

function One({ figure, label, placeId }: { figure: string; label: string; placeId: string }) {
  const { t } = useTranslation();
  const q = useFigure(figure, placeId);
  const v = q.data?.value;
  const percent = figure !== 'grid.mediation_cases';
  return <Statistic title={t(`gridMediation.figures.${label}`)} value={v ?? t('gridMediation.figures.none')} suffix={percent && v !== null && v !== undefined ? '%' : undefined} loading={q.isLoading} />;
}

/** 本月调解统计 for a place (a community or the street): cases opened, settled share, closed on time — the kernel's figures. */
export function FiguresCard({ placeId, placeName }: { placeId: string; placeName: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t('gridMediation.figures.title')} · ${placeName}`} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        {KEYS.map(([figure, label]) => (
          <Col key={figure} xs={24} sm={8}>
            <One figure={figure} label={label} placeId={placeId} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
