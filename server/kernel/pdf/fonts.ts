import { existsSync } from 'node:fs';
import { defineErrors } from '../errors.ts';

/**
 * The CJK font every printable artefact (activation slips, notices, results, paper ballots) sets
 * Chinese text in. PDFKit's built-in fonts have no Chinese glyphs, so a system font is required:
 * Debian's `fonts-wqy-microhei` (installed by .ci/run), else another common CJK font. GZ_CJK_FONT
 * may name a font file explicitly (`path` or `path#PostScriptName` for a .ttc collection).
 */
export interface CjkFont {
  path: string;
  /** The face inside a .ttc collection; undefined for a single-face .ttf/.otf. */
  family?: string;
}

const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

export const PdfErrors = defineErrors({
  PDF_FONT_MISSING: [
    503,
    '服务器缺少中文字体，无法生成 PDF：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）或设置 GZ_CJK_FONT',
    'No Chinese font on the server, so no PDF can be made: install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or set GZ_CJK_FONT',
  ],
});

/** The first CJK font present (a few stat calls; looked up on every use, so installing one needs no restart). */
export function cjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const explicit = env.GZ_CJK_FONT?.trim();
  const [path, family] = explicit ? explicit.split('#') : [];
  const list: CjkFont[] = path ? [{ path, family: family || undefined }] : CANDIDATES;
  const found = list.find((f) => existsSync(f.path));
  if (!found) throw PdfErrors.PDF_FONT_MISSING();
  return found;
}

/** Registers the CJK font on a PDFKit document under `name` and selects it. */
export function useCjkFont(doc: PDFKit.PDFDocument, name = 'cjk'): string {
  const font = cjkFont();
  doc.registerFont(name, font.path, font.family);
  doc.font(name);
  return name;
}
