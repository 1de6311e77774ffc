import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { useCjkFont } from './fonts.ts';

/**
 * A PDFKit document with the CJK font selected (PDF_FONT_MISSING when the server has none), and the
 * bytes it makes once the caller has drawn it and called `doc.end()`.
 */
export function cjkDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCjkFont(doc);
  return { doc, bytes };
}

/** A QR code as PNG, for a printed page that leads back to its live page. */
export const qrPng = (url: string, width = 300): Promise<Buffer> => QRCode.toBuffer(url, { type: 'png', margin: 1, width, errorCorrectionLevel: 'M' });
