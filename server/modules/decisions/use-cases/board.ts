import type { Kernel } from '../../../kernel/context.ts';
import type { Locale } from '../../../kernel/errors.ts';
import type { PublicPayload } from '../../../kernel/public/public-pages.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { loadDecisionRow } from '../decisions.repository.ts';
import { shortReceipt } from '../ledger.ts';

const T = {
  'zh-CN': {
    title: (t: string) => `表决公示板：${t}`,
    manifest: '表决清单哈希（开启时封存）',
    head: '链头（最近公布）',
    headValue: (seq: number, hash: string, at: string) => `第 ${seq} 条 · ${hash} · ${at}`,
    none: '尚未公布',
    count: '已计入回执',
    closed: '链已封闭（计票）',
    yes: '是',
    no: '否',
    columns: ['序号', '回执码', '计入时间', '方式', '取代的回执'],
    channels: { online: '网上', paper: '纸质', proxy: '委托' } as Record<string, string>,
    note: '每张计入的选票都有回执码，它由表决、房屋的匿名编号、所投意见和随机数计算而来，不含姓名和意见。请用您收到的回执码（短信或“我的表决”中）在本页核对；如回执码与本页不一致或查无此码，请点击“回执不符”报告，街道将收到。任何人可下载公开证据包，用独立校验程序核对整条哈希链。',
  },
  en: {
    title: (t: string) => `Public board: ${t}`,
    manifest: 'Manifest hash (sealed at opening)',
    head: 'Chain head (last published)',
    headValue: (seq: number, hash: string, at: string) => `link ${seq} · ${hash} · ${at}`,
    none: 'not yet published',
    count: 'Receipts counted',
    closed: 'Chain closed (counted)',
    yes: 'yes',
    no: 'no',
    columns: ['No.', 'Receipt', 'Counted at', 'Channel', 'Supersedes'],
    channels: { online: 'online', paper: 'paper', proxy: 'proxy' } as Record<string, string>,
    note: 'Every ballot that counts has a receipt computed from the decision, the home’s pseudonym, the choices and a random nonce: no name, no choice. Check the receipt you received (by SMS or under “my vote”) on this page; if it differs or is missing, report it — the street is told. Anyone may download the public evidence bundle and check the whole chain with the independent verifier.',
  },
} satisfies Record<Locale, unknown>;

const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 表决公示板 (public, QR code in the lobby): the manifest's hash, the latest published chain head, and every receipt
 * that counted with its time, channel and the receipt it superseded — no names, no choices.
 */
export async function boardPayload(kernel: Kernel, id: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const d = await loadDecisionRow(db, id);
  if (!d || !d.manifest_hash) return null;
  const t = T[locale];
  const [links, head] = await Promise.all([
    db.selectFrom('dec_chain').select(['seq', 'kind', 'receipt', 'at', 'channel', 'supersedes']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('seq').execute(),
    db.selectFrom('dec_chain_heads').select(['seq', 'hash', 'published_at']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('published_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  const ballots = links.filter((l) => l.kind === 'ballot');
  return {
    title: t.title(d.title),
    place: d.place_label,
    updatedAt: (links.at(-1)?.at ?? d.opens_at ?? d.updated_at).toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          { label: t.manifest, value: d.manifest_hash },
          { label: t.head, value: head ? t.headValue(head.seq, head.hash, shanghai(head.published_at)) : t.none },
          { label: t.count, value: String(ballots.length) },
          { label: t.closed, value: links.some((l) => l.kind === 'close') ? t.yes : t.no },
        ],
      },
      { kind: 'table', columns: t.columns, rows: ballots.map((l) => [l.seq, shortReceipt(l.receipt!), shanghai(l.at), t.channels[l.channel!] ?? l.channel, l.supersedes ? shortReceipt(l.supersedes) : '']) },
      { kind: 'text', text: t.note },
    ],
  };
}

/**
 * "Did my room vote?": a receipt (whole, or its first 16 hex digits as the SMS shows them) looked up on the board:
 * its link in the chain, and whether a later ballot of the same home superseded it.
 */
export async function lookUpReceipt(kernel: Kernel, id: string, receipt: string) {
  const db = read(kernel);
  const d = await loadDecisionRow(db, id);
  if (!d || !d.manifest_hash) throw DecisionsErrors.DECISION_NOT_FOUND();
  const wanted = receipt.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (wanted.length < 16) throw DecisionsErrors.RECEIPT_NOT_FOUND();
  const link = await db
    .selectFrom('dec_chain')
    .select(['seq', 'receipt', 'at', 'channel'])
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('kind', '=', 'ballot')
    .where('receipt', 'like', `${wanted}%`)
    .orderBy('seq')
    .limit(2)
    .execute();
  if (link.length !== 1) throw DecisionsErrors.RECEIPT_NOT_FOUND();
  const later = await db.selectFrom('dec_chain').select('seq').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('supersedes', '=', link[0]!.receipt).executeTakeFirst();
  return { seq: link[0]!.seq, receipt: link[0]!.receipt!, at: link[0]!.at, channel: link[0]!.channel, supersededAt: later?.seq ?? null };
}
