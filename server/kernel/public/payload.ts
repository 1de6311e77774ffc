/**
 * What a public page answers (GET /api/public/:key/:id?): one generic shape, so the H5 renders any
 * module's page, and the PDF prints it, without code of the module's own. Types only: the web
 * imports them through kernel/contract.ts.
 */

/** A labelled value ("本月报修：42"). */
export interface PublicFact {
  label: string;
  value: string;
}

/** An entry of a list section: a notice, an opinion. `by` is who wrote it, masked where the page declares it. */
export interface PublicListItem {
  title: string;
  text?: string;
  /** A short line under the title: a date, a category, a status. */
  meta?: string;
  /** Who posted it: a masked name (王*) at a path the page declares in `maskedNames`, or an organisation. */
  by?: string;
  /** A reply shown beneath it (the answer to an opinion). */
  reply?: string;
  /** A relative link to another public page (`/h5/p/notices.notice/<id>`). */
  link?: string;
}

export type PublicSection =
  | { kind: 'text'; heading?: string; text: string }
  | { kind: 'facts'; heading?: string; facts: PublicFact[] }
  | { kind: 'table'; heading?: string; columns: string[]; rows: (string | number | null)[][] }
  | { kind: 'list'; heading?: string; items: PublicListItem[]; empty?: string };

export interface PublicPayload {
  title: string;
  subtitle?: string;
  /** Where it applies: the place's label (安和街道 / 和平社区 / 阳光花园). */
  place?: string;
  /** When what it shows last changed, or when it was computed (ISO 8601). */
  updatedAt: string;
  sections: PublicSection[];
}

/** GET /api/public/:key/:id? answers the payload with what the shell needs around it. */
export interface PublicPageAnswer extends PublicPayload {
  key: string;
  /** The live page, the PDF and the QR code (paths on this server). */
  links: { page: string; pdf: string; qr: string };
}
