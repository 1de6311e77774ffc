import { audit, type Ctx } from '../../../kernel/context.ts';
import { postOpinionAbout } from '../../opinions/index.ts';
import type { QuestionBody } from '../fees.books.schemas.ts';
import { write } from '../fees.db.ts';
import { ownerLine } from './books-access.ts';

/**
 * 提出疑问: an owner questions a line of a published statement of their compound. The question is an opinion —
 * public, addressed to the owners' committee, linked to the line — posted through the opinions module in this
 * transaction, and answered in public there; the line shows it with its answer.
 */
export async function questionBookLine(ctx: Ctx, lineId: string, input: QuestionBody) {
  return write(ctx, async (tx) => {
    const { line, statement, room } = await ownerLine(tx, ctx, lineId);
    const label = `${statement.month} 账目 第 ${line.line_no} 行`;
    const opinion = await postOpinionAbout(tx, ctx, {
      roomId: room.roomId,
      addressee: 'owners_committee',
      visibility: 'public',
      title: `对 ${statement.compound_name} ${label}的疑问`.slice(0, 100),
      body: input.body,
      subject: { module: 'fees', type: 'book_line', id: line.id, label },
    });
    await audit(tx, ctx, { action: 'fees.book_line.questioned', placeId: statement.compound_id, subjectType: 'fee_book_line', subjectId: line.id, detail: { opinionId: opinion.id, statementId: statement.id, lineNo: line.line_no } });
    return { opinionId: opinion.id, lineId: line.id, label };
  });
}
