import { MAX_PHOTO_BYTES } from '#server/modules/repairs/contract.ts';

/** Longest side of a photo as sent: plenty to see a dripping tap, a fraction of a phone camera's size. */
const MAX_SIDE = 1600;

/**
 * Phone photos are often 3–12 MB: shrink them in the browser to a JPEG of at most 1600 px before
 * sending, so that they fit the 5 MB limit and upload quickly on a mobile connection. Small photos
 * and anything the browser cannot draw are sent as they are (the server checks them anyway).
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size < 600 * 1024 && file.type !== 'image/png') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size || blob.size > MAX_PHOTO_BYTES) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}
