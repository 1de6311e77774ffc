import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { certificateUrl, type MyAdoption } from '../api.ts';

/** 认养证书: the adopter's card for an approved adoption, with the PDF (a QR code leads back to the plot's page). */
export function CertificateCard({ adoption }: { adoption: MyAdoption }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<span style={{ color: '#2e7d32', fontSize: 18 }}>{t('volGreen.h5.certificate')}</span>}
      style={{ border: '2px solid #2e7d32', margin: '12px', borderRadius: 12 }}
    >
      <p style={{ fontSize: 16, lineHeight: 1.7, margin: 0 }}>
        {t('volGreen.h5.certificateText', { name: adoption.personName, compound: adoption.compoundName, plot: adoption.plotName, area: adoption.areaText, from: adoption.fromDay, to: adoption.toDay })}
      </p>
      <p style={{ margin: '12px 0 0' }}>
        <a href={certificateUrl(adoption.id)} target="_blank" rel="noreferrer">
          {t('volGreen.h5.downloadCertificate')}
        </a>
      </p>
    </Card>
  );
}
