import { AttachmentErrors } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import type { App } from '../../kernel/module.ts';
import { COMMITTEE_EVIDENCE_MAX_BYTES } from './supervision.committees.constants.ts';
import {
  CommitteeParams,
  CommitteeRatingsQuery,
  CommitteeSettingsBody,
  CommitteeSettingsQuery,
  CommitteesQuery,
  DimensionParams,
  RatingFileParams,
  RatingParams,
  ScoreBody,
  StartRatingBody,
} from './supervision.committees.schemas.ts';
import { addCommitteeFile, getCommitteeFile, removeCommitteeFile } from './use-cases/committee-rating-files.ts';
import { getCommittee, getCommitteeRating } from './use-cases/get-committee.ts';
import { exportCommitteeRatingsXlsx, listCommitteeRatings } from './use-cases/list-committee-ratings.ts';
import { listCommittees } from './use-cases/list-committees.ts';
import { saveCommitteeScore } from './use-cases/save-committee-score.ts';
import { startCommitteeRating } from './use-cases/start-committee-rating.ts';
import { submitCommitteeRating } from './use-cases/submit-committee-rating.ts';
import { getCommitteeSettings, updateCommitteeSettings } from './use-cases/update-committee-settings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The committees part's routes (红色业委会: settings, ratings with evidence, the ranking, a committee's history): thin. */
export function committeesRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['supervision committees'];
  const base = '/api/supervision/committees';

  app.get(`${base}/settings`, { schema: { tags, summary: "A street's 红色业委会 settings: the five dimensions' weights and the star thresholds", querystring: CommitteeSettingsQuery } }, async (req) =>
    getCommitteeSettings(ctx(req), req.query.streetId),
  );
  app.patch(`${base}/settings`, { schema: { tags, summary: 'Set the weights (adding up to 100) and the star thresholds (0 < ★2 < ★3 < ★4 < ★5 ≤ 100)', body: CommitteeSettingsBody } }, async (req) =>
    updateCommitteeSettings(ctx(req), req.body),
  );
  app.get(`${base}`, { schema: { tags, summary: "The owners' committees in my places with the year's rating", querystring: CommitteesQuery } }, async (req) => listCommittees(ctx(req), req.query));
  app.get(`${base}/ratings`, { schema: { tags, summary: 'The 红色业委会 ranking: submitted ratings (search committee or compound, sort, page)', querystring: CommitteeRatingsQuery } }, async (req) =>
    listCommitteeRatings(ctx(req), req.query),
  );
  app.get(`${base}/ratings/export.xlsx`, { schema: { tags, summary: 'The 红色业委会 ranking as xlsx', querystring: CommitteeRatingsQuery } }, async (req, reply) => {
    const file = await exportCommitteeRatingsXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(`${base}/ratings`, { schema: { tags, summary: "Start a committee's rating for a year (replaces a draft; a submitted one stands)", body: StartRatingBody } }, async (req, reply) =>
    reply.code(201).send(await startCommitteeRating(ctx(req), req.body)),
  );
  app.get(`${base}/ratings/:id`, { schema: { tags, summary: 'A rating with its five dimensions, notes and evidence', params: RatingParams } }, async (req) => getCommitteeRating(ctx(req), req.params.id));
  app.put(`${base}/ratings/:id/scores/:dimension`, { schema: { tags, summary: "Record a dimension's score (hundredths, 0–10000) and note on a draft", params: DimensionParams, body: ScoreBody } }, async (req) =>
    saveCommitteeScore(ctx(req), req.params.id, req.params.dimension, req.body),
  );
  app.post(
    `${base}/ratings/:id/scores/:dimension/files`,
    {
      schema: {
        tags,
        summary: `Add evidence to a dimension of a draft: multipart field "file" (JPG/PNG/WebP or PDF, ≤ ${COMMITTEE_EVIDENCE_MAX_BYTES / 1024 / 1024} MB)`,
        params: DimensionParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const readUpload = async () => {
        const { files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: COMMITTEE_EVIDENCE_MAX_BYTES },
          {
            notMultipart: () => AttachmentErrors.FILE_REQUIRED(),
            fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: COMMITTEE_EVIDENCE_MAX_BYTES / 1024 / 1024 }),
          },
        );
        const file = files[0];
        if (!file) throw AttachmentErrors.FILE_REQUIRED();
        return { filename: file.filename, mimetype: file.mimetype, content: file.content };
      };
      return reply.code(201).send(await addCommitteeFile(ctx(req), req.params.id, req.params.dimension, readUpload));
    },
  );
  app.delete(`${base}/ratings/:id/files/:fileId`, { schema: { tags, summary: 'Remove an evidence file from a draft', params: RatingFileParams } }, async (req) =>
    removeCommitteeFile(ctx(req), req.params.id, req.params.fileId),
  );
  app.get(`${base}/ratings/:id/files/:fileId`, { schema: { tags, summary: 'An evidence file of a rating I may see', params: RatingFileParams } }, async (req, reply) => {
    const f = await getCommitteeFile(ctx(req), req.params.id, req.params.fileId);
    return reply.headers(storedFileHeaders(f.name, f.mime)).header('cache-control', 'private, max-age=3600').send(f.content);
  });
  app.post(`${base}/ratings/:id/submit`, { schema: { tags, summary: 'Submit: weighted score and stars computed; frozen from then on', params: RatingParams } }, async (req) =>
    submitCommitteeRating(ctx(req), req.params.id),
  );
  app.get(`${base}/:committeeId`, { schema: { tags, summary: "An owners' committee's page: its rating history", params: CommitteeParams } }, async (req) => getCommittee(ctx(req), req.params.committeeId));
}
