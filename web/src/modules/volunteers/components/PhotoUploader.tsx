import type { ImageUploadItem } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '#server/modules/volunteers/contract.ts';
import { PhotoUploader as SharedPhotoUploader } from '../../../shared/PhotoUploader.tsx';

/** The photo picker of every volunteers H5 form, at the volunteers module's limits. */
export function PhotoUploader({ value, onChange, invalid }: { value: ImageUploadItem[]; onChange: (items: ImageUploadItem[]) => void; invalid: string }) {
  const { t } = useTranslation();
  return <SharedPhotoUploader value={value} onChange={onChange} invalid={invalid} tooMany={t('volunteers.photos.limit', { max: MAX_PHOTOS })} maxCount={MAX_PHOTOS} maxBytes={MAX_PHOTO_BYTES} />;
}
