import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES, MAX_FILES } from '#server/modules/grid/contract.ts';
import { imageDecoded, shrinkPhoto } from '../../../../shared/shrink-photo.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The photo picker of 随手拍: JPEG, PNG or WebP, shrunk on the phone to fit the server's 5 MB, at most six (the
 * server checks every file again).
 */
export function PhotoPicker({ value, onChange }: { value: ImageUploadItem[]; onChange: (items: ImageUploadItem[]) => void }) {
  const { t } = useTranslation();
  const refuse = () => {
    Toast.show({ content: t('gridEvents.h5.photoInvalid') });
    return null;
  };
  return (
    <ImageUploader
      value={value}
      onChange={onChange}
      accept={PHOTO_TYPES.join(',')}
      multiple
      maxCount={MAX_FILES}
      onCountExceed={() => Toast.show({ content: t('gridEvents.h5.photoLimit', { max: MAX_FILES }) })}
      beforeUpload={(file: File) => (!PHOTO_TYPES.includes(file.type) || file.size > 4 * MAX_FILE_BYTES ? refuse() : file)}
      upload={async (file: File) => {
        const small = await shrinkPhoto(file, MAX_FILE_BYTES);
        if (small.size > MAX_FILE_BYTES) {
          refuse();
          throw new Error(t('gridEvents.h5.photoInvalid'));
        }
        const url = URL.createObjectURL(small);
        await imageDecoded(url);
        return { url, extra: small };
      }}
    />
  );
}
