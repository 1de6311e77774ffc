import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { RateBody, RatingsQuery, RatingSummaryQuery } from './fees.ratings.schemas.ts';
import { exportRatingsXlsx, listRatings } from './use-cases/list-ratings.ts';
import { myRatings } from './use-cases/my-ratings.ts';
import { ratingSummary } from './use-cases/rating-summary.ts';
import { submitRating } from './use-cases/submit-rating.ts';
import { XLSX } from './fees.http.ts';


/** The ratings part's routes (the owner's right to rate): thin. */
export function ratingsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['fees'];
  const mine = ['resident'];

  app.get('/api/me/fees/ratings', { schema: { tags: mine, summary: 'My rateable and rated months per compound I own rooms in (and why a month is not rateable)' } }, async (req) => myRatings(ctx(req)));
  app.post('/api/me/fees/ratings', { schema: { tags: mine, summary: 'Rate the property company for a month whose bills I paid (once; never changed)', body: RateBody } }, async (req, reply) =>
    reply.code(201).send(await submitRating(ctx(req), req.body)),
  );

  app.get('/api/fees/ratings', { schema: { tags, summary: "Owners' ratings of my compounds (names masked for the company; search the comments)", querystring: RatingsQuery } }, async (req) =>
    listRatings(ctx(req), req.query),
  );
  app.get('/api/fees/ratings/export.xlsx', { schema: { tags, summary: "Owners' ratings as xlsx", querystring: RatingsQuery } }, async (req, reply) => {
    const file = await exportRatingsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get('/api/fees/ratings/summary', { schema: { tags, summary: "Owners' ratings at a place: averages per dimension, count, share of owners who rated", querystring: RatingSummaryQuery } }, async (req) =>
    ratingSummary(ctx(req), req.query),
  );
}
