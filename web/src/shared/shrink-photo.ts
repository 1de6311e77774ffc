/** Longest side of a photo as sent: plenty to see a dripping tap, a fraction of a phone camera's size. */
const MAX_SIDE = 1600;

/**
 * Phone photos are often 3–12 MB: shrink them in the browser to a JPEG of at most 1600 px before
 * sending, so that they fit the server's limit (`maxBytes`) and upload quickly on a mobile connection.
 * Small photos and anything the browser cannot draw are sent as they are (the server checks them anyway).
 */
export async function shrinkPhoto(file: File, maxBytes: number): Promise<File> {
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
    if (!blob || blob.size >= file.size || blob.size > maxBytes) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/**
 * Resolves once the browser has decoded the image at `url` (or failed to). An uploader that shows a
 * preview of the picked file while its upload runs drops that preview when the upload resolves; waiting
 * for a decode first lets the preview finish loading instead of being cut off mid-load.
 */
export function imageDecoded(url: string): Promise<void> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = img.onerror = () => resolve();
    img.src = url;
  });
}
