import type { ImageUploadItem } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES, MAX_FILES } from '#server/modules/grid/contract.ts';
import { PhotoUploader } from '../../../../shared/PhotoUploader.tsx';

/** The photo picker of 随手拍, at the grid module's limits. */
export function PhotoPicker({ value, onChange }: { value: ImageUploadItem[]; onChange: (items: ImageUploadItem[]) => void }) {
  const { t } = useTranslation();
  return <PhotoUploader value={value} onChange={onChange} invalid={t('gridEvents.h5.photoInvalid')} tooMany={t('gridEvents.h5.photoLimit', { max: MAX_FILES })} maxCount={MAX_FILES} maxBytes={MAX_FILE_BYTES} />;
}
