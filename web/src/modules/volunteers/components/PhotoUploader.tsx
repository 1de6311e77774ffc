import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '#server/modules/volunteers/contract.ts';
import { imageDecoded, shrinkPhoto } from '../../../shared/shrink-photo.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The photo picker of every volunteers H5 form (a finished task, a listing, a care record): JPEG, PNG or WebP, shrunk
 * on the phone to fit the server's 5 MB, at most six. `invalid` is the form's own words for a file it refuses.
 */
export function PhotoUploader({ value, onChange, invalid }: { value: ImageUploadItem[]; onChange: (items: ImageUploadItem[]) => void; invalid: string }) {
  const { t } = useTranslation();
  const refuse = () => {
    Toast.show({ content: invalid });
    return null;
  };
  return (
    <ImageUploader
      value={value}
      onChange={onChange}
      accept={PHOTO_TYPES.join(',')}
      multiple
      maxCount={MAX_PHOTOS}
      onCountExceed={() => Toast.show({ content: t('volunteers.photos.limit', { max: MAX_PHOTOS }) })}
      // Refuse only what the phone cannot possibly shrink enough; the server checks every file again.
      beforeUpload={(file: File) => (!PHOTO_TYPES.includes(file.type) || file.size > 4 * MAX_PHOTO_BYTES ? refuse() : file)}
      upload={async (file: File) => {
        const small = await shrinkPhoto(file, MAX_PHOTO_BYTES);
        if (small.size > MAX_PHOTO_BYTES) {
          refuse();
          throw new Error(invalid);
        }
        const url = URL.createObjectURL(small);
        await imageDecoded(url);
        return { url, extra: small };
      }}
    />
  );
}
