import { sql } from 'kysely';
import { chinaDay } from '../../kernel/clock.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import { pagePlace, type PublicPage, type PublicPayload, type PublicSection } from '../../kernel/public/public-pages.ts';
import type { ItemStage } from './deliberation.constants.ts';
import { read } from './deliberation.db.ts';

/**
 * 公示: a compound's deliberation items and one item's record, for anyone with the QR code in the lobby. Only the
 * public parts: items marked public and not merged; stages, dates, the decision text; tasks with their
 * organisations, deadlines, progress and overdue flags; public supervision notes; the residents' rating (mean and
 * count). No person's name anywhere (responsible persons, note writers, raters stay on the workbench).
 */

const STAGE: Record<Locale, Record<ItemStage, string>> = {
  'zh-CN': {
    collecting: '议题收集',
    agenda: '确定议题',
    consulting: '会议协商',
    awaiting_vote: '等待业主表决',
    executing: '执行中',
    evaluating: '居民评价中',
    closed: '已办结',
    escalated: '已提交街道',
    rejected: '未予立项',
    merged: '已合并',
  },
  en: {
    collecting: 'Collecting support',
    agenda: 'Agenda setting',
    consulting: 'Consultation',
    awaiting_vote: "Awaiting the owners' vote",
    executing: 'Under way',
    evaluating: 'Being rated',
    closed: 'Closed',
    escalated: 'Sent to the street',
    rejected: 'Not taken up',
    merged: 'Merged',
  },
};

const T = {
  'zh-CN': {
    board: (c: string) => `${c} 议事协商进度公示`,
    facts: { items: '公示议题', executing: '执行中', overdue: '逾期任务', closed: '已办结' },
    items: '议题进度',
    none: '暂无公示议题',
    progress: (p: number) => `进度 ${p}%`,
    tasks: (n: number, done: number) => `任务 ${done}/${n} 完成`,
    overdue: (n: number) => `${n} 项逾期`,
    rating: (mean: string, n: number) => `居民评价 ${mean} 分（${n} 户）`,
    nextDeadline: (d: string) => `最近截止 ${d}`,
    item: (code: string, title: string) => `${code} ${title}`,
    stages: '办理经过',
    decision: '协商决定',
    taskList: '任务与进度',
    columns: ['序号', '任务', '责任单位', '截止日期', '进度', '状态'],
    done: '已完成',
    late: '已逾期',
    running: '进行中',
    notes: '监督意见',
    noNotes: '暂无监督意见',
    ratings: '居民评价',
    round: (r: number) => `第 ${r} 轮`,
    ratingLine: (n: number, mean: string) => `${n} 户评价，平均 ${mean} 分`,
    event: {
      decided: '联席会议作出决定',
      rating_opened: '任务全部完成，开始居民评价',
      verdict_accepted: '居民评价通过，办结',
      verdict_stands: '评价户数不足，结果维持，办结',
      reopened: '居民评价不满意，重新办理',
      escalated: '多次重新办理仍不满意，提交街道',
      accepted: '确定为议题',
      listed: '列入议题清单',
      created: '登记议题',
    } as Record<string, string>,
  },
  en: {
    board: (c: string) => `${c}: deliberation progress`,
    facts: { items: 'Public items', executing: 'Under way', overdue: 'Overdue tasks', closed: 'Closed' },
    items: 'Items',
    none: 'No public items yet',
    progress: (p: number) => `${p}% done`,
    tasks: (n: number, done: number) => `${done}/${n} tasks done`,
    overdue: (n: number) => `${n} overdue`,
    rating: (mean: string, n: number) => `Rated ${mean} (${n} households)`,
    nextDeadline: (d: string) => `next deadline ${d}`,
    item: (code: string, title: string) => `${code} ${title}`,
    stages: 'How it went',
    decision: 'Decision',
    taskList: 'Tasks and progress',
    columns: ['No.', 'Task', 'Organisation', 'Deadline', 'Progress', 'State'],
    done: 'Done',
    late: 'Overdue',
    running: 'Under way',
    notes: 'Supervision notes',
    noNotes: 'No supervision notes',
    ratings: "Residents' rating",
    round: (r: number) => `Round ${r}`,
    ratingLine: (n: number, mean: string) => `${n} households rated, mean ${mean}`,
    event: {
      decided: 'Decided at a joint meeting',
      rating_opened: 'All tasks done: residents rate the outcome',
      verdict_accepted: 'Accepted by the residents: closed',
      verdict_stands: 'Too few ratings: the outcome stands, closed',
      reopened: 'Residents not satisfied: reopened',
      escalated: 'Still not satisfied after reopening: sent to the street',
      accepted: 'Taken up as an item',
      listed: 'Put on the agenda list',
      created: 'Entered',
    } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>;

const mean = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

/** A compound's board: its public items (newest first), each with stage, progress, task deadlines, overdue count and rating. */
async function boardPayload(kernel: Kernel, compoundId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const compound = await pagePlace(db, compoundId, 'compound');
  if (!compound) return null;
  const L = T[locale];
  const today = chinaDay(kernel.clock.now());
  // One statement: items at the compound or below it, their tasks and current-round ratings folded in per item.
  const rows = await sql<{
    id: string;
    code: string;
    title: string;
    stage: ItemStage;
    progress: number;
    updated_at: Date;
    tasks: number;
    done: number;
    overdue: number;
    next_deadline: string | null;
    ratings: number;
    sum: number;
  }>`
    with items as (
      select i.street_id, i.id, i.code, i.title, i.stage, i.progress_percent as progress, i.updated_at, i.rating_round
      from dlb_items i join street_places p on p.street_id = i.street_id and p.id = i.place_id
      join street_places c on c.id = ${compoundId}
      where p.street_id = c.street_id and p.path like c.path || '%' and i.is_public and i.stage <> 'merged'
    ),
    t as (
      select t.item_id, count(*)::int as tasks, count(t.done_at)::int as done,
        count(*) filter (where t.done_at is null and t.deadline < ${today}::date)::int as overdue,
        to_char(min(t.deadline) filter (where t.done_at is null), 'YYYY-MM-DD') as next_deadline
      from dlb_tasks t join items i on i.street_id = t.street_id and i.id = t.item_id group by t.item_id
    ),
    r as (
      select r.item_id, count(*)::int as ratings, sum(r.score)::int as sum
      from dlb_ratings r join items i on i.street_id = r.street_id and i.id = r.item_id and r.round = i.rating_round group by r.item_id
    )
    select items.id, items.code, items.title, items.stage, items.progress, items.updated_at,
      coalesce(t.tasks, 0) as tasks, coalesce(t.done, 0) as done, coalesce(t.overdue, 0) as overdue, t.next_deadline,
      coalesce(r.ratings, 0) as ratings, coalesce(r.sum, 0) as sum
    from items left join t on t.item_id = items.id left join r on r.item_id = items.id
    order by items.updated_at desc, items.id`.execute(db);
  const items = rows.rows;
  const latest = items.reduce((at, i) => Math.max(at, new Date(i.updated_at).getTime()), 0);
  const count = (stages: ItemStage[]) => String(items.filter((i) => stages.includes(i.stage)).length);
  return {
    title: L.board(compound.name),
    place: compound.label ?? compound.name,
    updatedAt: new Date(latest || kernel.clock.now().getTime()).toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          { label: L.facts.items, value: String(items.length) },
          { label: L.facts.executing, value: count(['executing']) },
          { label: L.facts.overdue, value: String(items.reduce((n, i) => n + i.overdue, 0)) },
          { label: L.facts.closed, value: count(['closed']) },
        ],
      },
      {
        kind: 'list',
        heading: L.items,
        empty: L.none,
        items: items.map((i) => ({
          title: L.item(i.code, i.title),
          meta: [
            STAGE[locale][i.stage],
            i.tasks ? L.progress(i.progress) : null,
            i.tasks ? L.tasks(i.tasks, i.done) : null,
            i.next_deadline ? L.nextDeadline(i.next_deadline) : null,
            i.overdue ? L.overdue(i.overdue) : null,
            i.ratings ? L.rating(mean(Math.floor((i.sum * 100) / i.ratings)), i.ratings) : null,
          ]
            .filter(Boolean)
            .join(' · '),
          link: `/h5/p/deliberation.item/${i.id}`,
        })),
      },
    ],
  };
}

/** One item's public record: its stages with dates, the decision, tasks and progress, public notes, the ratings. */
async function itemPayload(kernel: Kernel, itemId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const item = await db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .select(['i.street_id', 'i.id', 'i.code', 'i.title', 'i.stage', 'i.decision_text', 'i.progress_percent', 'i.updated_at', 'i.created_at', 'p.name as placeName'])
    .where('i.id', '=', itemId)
    .where('i.is_public', '=', true)
    .where('i.stage', '<>', 'merged')
    .executeTakeFirst();
  if (!item) return null;
  const L = T[locale];
  const today = chinaDay(kernel.clock.now());
  const [events, tasks, notes, rounds] = await Promise.all([
    db.selectFrom('dlb_events').select(['kind', 'at', 'stage_from', 'stage_to']).where('street_id', '=', item.street_id).where('item_id', '=', item.id).where('stage_to', 'is not', null).orderBy('at').execute(),
    db
      .selectFrom('dlb_tasks as t')
      .select(['t.no', 't.title', 't.organisation_name', 't.deadline', 't.progress_percent', 't.done_at'])
      .where('t.street_id', '=', item.street_id)
      .where('t.item_id', '=', item.id)
      .orderBy('t.no')
      .execute(),
    db.selectFrom('dlb_supervision_notes').select(['text', 'at']).where('street_id', '=', item.street_id).where('item_id', '=', item.id).where('is_public', '=', true).orderBy('at', 'desc').execute(),
    db
      .selectFrom('dlb_ratings')
      .select(['round', sql<number>`count(*)::int`.as('n'), sql<number>`sum(score)::int`.as('sum')])
      .where('street_id', '=', item.street_id)
      .where('item_id', '=', item.id)
      .groupBy('round')
      .orderBy('round')
      .execute(),
  ]);
  // The steps of the procedure: each change of stage (and the verdicts, which may keep none), not every task report.
  const stageChanges = events.filter((e) => e.stage_from !== e.stage_to || e.kind in L.event);
  const sections: PublicSection[] = [
    {
      kind: 'facts',
      facts: [
        { label: locale === 'en' ? 'Stage' : '当前阶段', value: STAGE[locale][item.stage] },
        { label: locale === 'en' ? 'Progress' : '进度', value: `${item.progress_percent}%` },
        { label: locale === 'en' ? 'Place' : '地点', value: item.placeName },
      ],
    },
  ];
  sections.push({
    kind: 'table',
    heading: L.stages,
    columns: locale === 'en' ? ['Date', 'Step'] : ['日期', '事项'],
    rows: stageChanges.map((e) => [chinaDay(new Date(e.at)), L.event[e.kind] ?? STAGE[locale][e.stage_to!]]),
  });
  if (item.decision_text) sections.push({ kind: 'text', heading: L.decision, text: item.decision_text });
  if (tasks.length)
    sections.push({
      kind: 'table',
      heading: L.taskList,
      columns: L.columns,
      rows: tasks.map((t) => [t.no, t.title, t.organisation_name, t.deadline, `${t.progress_percent}%`, t.done_at ? L.done : t.deadline < today ? L.late : L.running]),
    });
  sections.push({ kind: 'list', heading: L.notes, empty: L.noNotes, items: notes.map((n) => ({ title: chinaDay(new Date(n.at)), text: n.text })) });
  if (rounds.length)
    sections.push({
      kind: 'facts',
      heading: L.ratings,
      facts: rounds.map((r) => ({ label: L.round(r.round), value: L.ratingLine(r.n, mean(Math.floor((r.sum * 100) / r.n))) })),
    });
  return {
    title: L.item(item.code, item.title),
    place: item.placeName,
    updatedAt: new Date(item.updated_at).toISOString(),
    sections,
  };
}

export const executionPublicPages: PublicPage[] = [
  {
    key: 'deliberation.tracking',
    title: { 'zh-CN': '议事协商进度公示', en: 'Deliberation progress' },
    param: 'id',
    load: (kernel, { id, locale }) => boardPayload(kernel, id!, locale),
    sampleIds: async (kernel) =>
      (
        await sql<{ id: string }>`
          select distinct c.id from dlb_items i join street_places p on p.street_id = i.street_id and p.id = i.place_id
          join street_places c on c.street_id = p.street_id and c.kind = 'compound' and p.path like c.path || '%'
          where i.is_public order by c.id limit 6`.execute(read(kernel))
      ).rows.map((r) => r.id),
  },
  {
    key: 'deliberation.item',
    title: { 'zh-CN': '议题办理公示', en: 'An item’s public record' },
    param: 'id',
    load: (kernel, { id, locale }) => itemPayload(kernel, id!, locale),
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('dlb_items').select('id').where('is_public', '=', true).where('stage', 'in', ['executing', 'evaluating', 'closed', 'escalated']).orderBy('id').limit(6).execute()).map((r) => r.id),
  },
];
