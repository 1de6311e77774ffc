import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { imageDecoded, shrinkPhoto } from './shrink-photo.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The H5 photo picker of every form that takes photos (a finished task, a listing, a care record, 随手拍): JPEG, PNG
 * or WebP, shrunk on the phone to fit the server's `maxBytes`, at most `maxCount`; the preview is decoded before the
 * upload resolves. `invalid` and `tooMany` are the form's own words for a file it refuses and for one too many.
 * The server checks every file again.
 */
export function PhotoUploader({
  value,
  onChange,
  invalid,
  tooMany,
  maxCount,
  maxBytes,
}: {
  value: ImageUploadItem[];
  onChange: (items: ImageUploadItem[]) => void;
  invalid: string;
  tooMany: string;
  maxCount: number;
  maxBytes: number;
}) {
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
      maxCount={maxCount}
      onCountExceed={() => Toast.show({ content: tooMany })}
      // Refuse only what the phone cannot possibly shrink enough.
      beforeUpload={(file: File) => (!PHOTO_TYPES.includes(file.type) || file.size > 4 * maxBytes ? refuse() : file)}
      upload={async (file: File) => {
        const small = await shrinkPhoto(file, maxBytes);
        if (small.size > maxBytes) {
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
