import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_MAX_BYTES, INVALID_REASONS, SHEET_CODE_ALPHABET, SHEET_CODE_LENGTH } from '#server/modules/decisions/contract.ts';
import type { listSheets, PaperBallot as ServerPaperBallot, sheetByCode } from '#server/modules/decisions/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { decisionKeys } from '../api.ts';

/**
 * Paper ballot sheets and paper (and proxy) ballots as the workbench uses them (issue 14's API). Every write
 * refreshes the decisions module's reads: a counted paper ballot moves the progress, the canvass and the roll.
 */
export type Choice = 'for' | 'against' | 'abstain';
export type BallotStatus = 'counted' | 'superseded' | 'entered' | 'mismatched' | 'held' | 'invalid' | 'duplicate';
export type SheetStatus = 'issued' | 'void';
/** The reasons staff may give; the system sets `proxy_rejected` when a proxy's power of attorney fails. */
export type InvalidReason = (typeof INVALID_REASONS)[number];
export type ProxyStatus = 'pending' | 'checked' | 'rejected' | 'revoked';

/** The statuses the list filters by (a paper ballot is never superseded: a later one makes it a duplicate). */
export const BALLOT_STATUSES = ['entered', 'mismatched', 'held', 'counted', 'invalid', 'duplicate'] as const satisfies readonly BallotStatus[];
export { INVALID_REASONS };
export const CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];
/** What the server takes as a scan (it checks the content again). */
export const SCAN_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_SCAN_BYTES = EVIDENCE_MAX_BYTES;

type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
/** A sheet as the list shows it, with the status of the ballot entered from it (null: not entered yet). */
export type Sheet = Answer<typeof listSheets>['items'][number];
/** A paper or proxy ballot as the people entering and checking it see it. */
export type PaperBallot = Jsonify<ServerPaperBallot>;
/** A sheet found by its code for the entry page: whose it is, the items, the owner's proxy, a ballot already entered. */
export type SheetLookup = Answer<typeof sheetByCode>;

/** What a paper ballot says: a choice on every item, or an invalid sheet with its reason. */
export interface BallotContent {
  choices?: Record<string, Choice>;
  invalidReason?: InvalidReason;
  invalidNote?: string;
}

/** A roll entry's rooms in one line: 1栋 / 1单元 / 1201、3栋 / 1单元 / 502. */
export const roomsText = (rooms: string[] | null | undefined): string => (rooms ?? []).join('、');

const base = (id: string) => `/api/decisions/${id}`;
export const sheetsPdfUrl = (id: string, building?: string) => `${base(id)}/sheets.pdf${building ? `?building=${encodeURIComponent(building)}` : ''}`;
export const sheetPdfUrl = (id: string, sheetId: string) => `${base(id)}/sheets/${sheetId}/pdf`;
export const scanUrl = (id: string, ballotId: string) => `${base(id)}/paper-ballots/${ballotId}/scan`;
/** The entry page a sheet's QR code leads to (a workbench URL). */
export const entryPath = (id: string, code?: string) => `/decisions/${id}/paper${code ? `?sheet=${encodeURIComponent(code)}` : ''}`;

/**
 * The sheet code in what a USB scanner typed (the QR's URL, `…/paper?sheet=K7M2Q9XA`) or what someone typed (the
 * bare code, any case, spaces allowed); null when it is neither.
 */
export function sheetCodeOf(input: string): string | null {
  const text = input.trim();
  const fromUrl = /[?&]sheet=([0-9A-Za-z]+)/.exec(text)?.[1];
  const code = (fromUrl ?? text).replace(/[\s-]/g, '').toUpperCase();
  return code.length === SHEET_CODE_LENGTH && [...code].every((c) => SHEET_CODE_ALPHABET.includes(c)) ? code : null;
}

const paperKeys = {
  sheets: (id: string, q: Query) => [...decisionKeys.one(id), 'sheets', q] as const,
  ballots: (id: string, q: Query) => [...decisionKeys.one(id), 'paper-ballots', q] as const,
  lookup: (id: string, code: string) => [...decisionKeys.one(id), 'sheet', code] as const,
};

export const useSheets = (id: string, q: Query, enabled = true) =>
  useQuery({ queryKey: paperKeys.sheets(id, q), queryFn: () => apiGet<Page<Sheet>>(`${base(id)}/sheets`, q), placeholderData: keepPreviousData, enabled });
export const usePaperBallots = (id: string, q: Query, enabled = true) =>
  useQuery({ queryKey: paperKeys.ballots(id, q), queryFn: () => apiGet<Page<PaperBallot>>(`${base(id)}/paper-ballots`, q), placeholderData: keepPreviousData, enabled });
export const useSheetLookup = (id: string, code: string | null) =>
  useQuery({
    queryKey: paperKeys.lookup(id, code ?? ''),
    queryFn: () => apiGet<SheetLookup>(`${base(id)}/sheets/by-code/${encodeURIComponent(code!)}`),
    enabled: !!code,
    retry: false,
  });

function usePaperMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  // Not awaited: the answer is shown at once, the page's many reads refresh behind it.
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.all }) });
}

export const useIssueSheets = (id: string) => usePaperMutation((building?: string) => apiPost<{ issued: number }>(`${base(id)}/sheets`, building ? { building } : {}));
export const useReplaceSheet = (id: string) =>
  usePaperMutation(({ sheetId, reason }: { sheetId: string; reason: string }) => apiPost<{ id: string; code: string }>(`${base(id)}/sheets/${sheetId}/replace`, { reason }));
export const useCheckBallot = (id: string) =>
  usePaperMutation(({ ballotId, verdict, note }: { ballotId: string; verdict: 'match' | 'mismatch'; note?: string }) =>
    apiPost<PaperBallot>(`${base(id)}/paper-ballots/${ballotId}/check`, { verdict, note }),
  );
export const useCorrectBallot = (id: string) =>
  usePaperMutation(({ ballotId, ...content }: BallotContent & { ballotId: string }) => apiPost<PaperBallot>(`${base(id)}/paper-ballots/${ballotId}/correct`, content));

export interface PaperEntry extends BallotContent {
  sheet: string;
  byProxy: boolean;
  scan: File;
}
/** 录入: the sheet's content and its scan, as one multipart form. */
export const useEnterPaperBallot = (id: string) =>
  usePaperMutation((e: PaperEntry) => {
    const form = new FormData();
    form.append('sheet', e.sheet);
    if (e.choices) form.append('choices', JSON.stringify(e.choices));
    if (e.invalidReason) form.append('invalidReason', e.invalidReason);
    if (e.invalidNote) form.append('invalidNote', e.invalidNote);
    form.append('byProxy', String(e.byProxy));
    form.append('scan', e.scan, e.scan.name);
    return apiUpload<PaperBallot>(`${base(id)}/paper-ballots`, form);
  });
