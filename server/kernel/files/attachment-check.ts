import { defineErrors } from '../errors.ts';
import { sniffImageType } from './files.ts';
import { assertNoActiveContent } from './pdf-active-content.ts';

/** What a document attached to a record may be (a notice's attachment, a decision's plan or quote). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const AttachmentErrors = defineErrors({
  FILE_REQUIRED: [400, '请选择要上传的文件', 'Choose a file to upload'],
  ATTACHMENT_TYPE_NOT_ALLOWED: [415, '附件只能是 JPG、PNG、WebP 图片或 PDF 文件', 'Attachments must be JPG, PNG or WebP images or PDF files'],
  ATTACHMENT_MISLABELED: [400, '文件内容与其名称或类型不符（内容为 {actual}）', 'The file content does not match its name or type (content is {actual})'],
  ATTACHMENT_TOO_LARGE: [413, '附件不能超过 {mb} MB', 'An attachment may not exceed {mb} MB'],
});

/** An uploaded file as a route hands it to a use case. */
export interface Upload {
  filename: string;
  /** The type the client declared for the part; believed only when the content agrees. */
  mimetype: string;
  content: Buffer;
}

const EXTENSIONS: Record<AttachmentType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
/** Declared types that say nothing about the content (a browser's fallback). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The attachment's real type, by its first bytes: an image we accept, or a PDF (%PDF-). */
export function sniffAttachmentType(content: Buffer): AttachmentType | null {
  const image = sniffImageType(content);
  if (image) return image;
  if (content.length >= 5 && content.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * Checks an upload by its content: the bytes must be an image we accept or a PDF without active content
 * (pdf-active-content.ts), and the name's extension and the declared type, when given, must say the same
 * thing. Answers the stored name (an extension added when there was none) and type.
 */
export function checkAttachment(upload: Upload, maxBytes: number): { name: string; mime: AttachmentType } {
  if (upload.content.length === 0) throw AttachmentErrors.FILE_REQUIRED();
  if (upload.content.length > maxBytes) throw AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: maxBytes / 1024 / 1024 });
  const actual = sniffAttachmentType(upload.content);
  if (!actual) throw AttachmentErrors.ATTACHMENT_TYPE_NOT_ALLOWED();
  const declared = upload.mimetype.toLowerCase().split(';')[0]!.trim().replace('image/jpg', 'image/jpeg');
  if (!UNDECLARED.has(declared) && declared !== actual) throw AttachmentErrors.ATTACHMENT_MISLABELED({ actual }, { declared, actual });
  // Only the last path segment of the name, without control characters.
  let name = (upload.filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 180);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext && !EXTENSIONS[actual].includes(ext)) throw AttachmentErrors.ATTACHMENT_MISLABELED({ actual }, { extension: ext, actual });
  if (!ext) name = `${name || 'attachment'}.${EXTENSIONS[actual][0]}`;
  // No scripts, launch actions or embedded files for the people who download it (pdf-active-content.ts).
  if (actual === 'application/pdf') assertNoActiveContent(upload.content);
  return { name, mime: actual };
}
