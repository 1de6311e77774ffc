import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  AgreeBody,
  ApplyBody,
  AssignBody,
  CasesQuery,
  CommitteeBody,
  ConfirmApplyBody,
  ConfirmOutcomeBody,
  FailBody,
  FollowupBody,
  MediatorBody,
  MediatorEndBody,
  NoteBody,
  OpenCaseBody,
  ReasonBody,
  SessionBody,
  SignBody,
} from './grid.mediation.schemas.ts';
import { IdParams, MULTIPART_NOTE, readForm } from './grid.routes.ts';
import { acceptCase } from './use-cases/mediation-accept.ts';
import { agreeCase } from './use-cases/mediation-agree.ts';
import { agreementPdf } from './use-cases/mediation-agreement-pdf.ts';
import { applyForMediation } from './use-cases/mediation-apply.ts';
import { assignMediators } from './use-cases/mediation-assign.ts';
import { getMediationCase } from './use-cases/mediation-cases-get.ts';
import { exportMediationCasesXlsx, listMediationCases } from './use-cases/mediation-cases-list.ts';
import { openMediationCase } from './use-cases/mediation-cases-open.ts';
import { createCommittee } from './use-cases/mediation-committee-create.ts';
import { listCommittees } from './use-cases/mediation-committees.ts';
import { applyConfirmation } from './use-cases/mediation-confirm-apply.ts';
import { recordConfirmation } from './use-cases/mediation-confirm-outcome.ts';
import { declineCase } from './use-cases/mediation-decline.ts';
import { escalateCase } from './use-cases/mediation-escalate.ts';
import { failCase } from './use-cases/mediation-fail.ts';
import { recordFollowup } from './use-cases/mediation-followup.ts';
import { addMediator } from './use-cases/mediation-mediator-add.ts';
import { endMediator } from './use-cases/mediation-mediator-end.ts';
import { myMediation } from './use-cases/mediation-mine.ts';
import { arrearsForMediation } from './use-cases/mediation-arrears-list.ts';
import { mediationPlaces } from './use-cases/mediation-places.ts';
import { recordSession } from './use-cases/mediation-session.ts';
import { uploadSigned } from './use-cases/mediation-sign.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The mediation part's routes (人民调解): committees, cases and their steps on the workbench; my applications on the H5. Thin. */
export function mediationRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['grid mediation'];
  const M = '/api/grid/mediation';
  const me = '/api/me/grid/mediation';

  app.get(`${M}/committees`, { schema: { tags, summary: 'Mediation committees I may read, with their mediators' } }, async (req) => listCommittees(ctx(req)));
  app.post(`${M}/committees`, { schema: { tags, summary: 'Set up a committee at a community or the street', body: CommitteeBody } }, async (req, reply) => reply.code(201).send(await createCommittee(ctx(req), req.body)));
  app.post(`${M}/committees/:id/mediators`, { schema: { tags, summary: 'Name a staff account a mediator of the committee', params: IdParams, body: MediatorBody } }, async (req, reply) =>
    reply.code(201).send(await addMediator(ctx(req), req.params.id, req.body)),
  );
  app.post(`${M}/mediators/:id/end`, { schema: { tags, summary: 'End a mediator’s position', params: IdParams, body: MediatorEndBody } }, async (req) => endMediator(ctx(req), req.params.id, req.body ?? {}));

  app.get(`${M}/arrears-cases`, { schema: { tags, summary: 'Arrears cases the property company handed to mediation, in compounds where I may open a case' } }, async (req) => arrearsForMediation(ctx(req)));
  app.get(`${M}/places`, { schema: { tags, summary: 'Where I may open a case, with the committee’s mediators' } }, async (req) => mediationPlaces(ctx(req)));
  app.get(`${M}/cases`, { schema: { tags, summary: 'Cases I may read: search, filter, sort, page (parties masked unless I mediate)', querystring: CasesQuery } }, async (req) => listMediationCases(ctx(req), req.query));
  app.get(`${M}/cases/export.xlsx`, { schema: { tags, summary: 'The cases as xlsx', querystring: CasesQuery } }, async (req, reply) => {
    const file = await exportMediationCasesXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(`${M}/cases`, { schema: { tags, summary: 'Open a case (source, category, summary, 2+ parties, mediators)', body: OpenCaseBody } }, async (req, reply) => reply.code(201).send(await openMediationCase(ctx(req), req.body)));
  app.get(`${M}/cases/:id`, { schema: { tags, summary: 'A case: parties, sessions, agreement, timeline and what I may do', params: IdParams } }, async (req) => getMediationCase(ctx(req), req.params.id));
  app.post(`${M}/cases/:id/assign`, { schema: { tags, summary: 'Assign 1–3 of the committee’s mediators', params: IdParams, body: AssignBody } }, async (req) => assignMediators(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/accept`, { schema: { tags, summary: 'Accept the case (the 30-day limit starts)', params: IdParams } }, async (req) => acceptCase(ctx(req), req.params.id));
  app.post(`${M}/cases/:id/decline`, { schema: { tags, summary: 'Decline the case, with the reason', params: IdParams, body: ReasonBody } }, async (req) => declineCase(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/sessions`, { schema: { tags, summary: 'Record a session (assigned mediators)', params: IdParams, body: SessionBody } }, async (req, reply) => reply.code(201).send(await recordSession(ctx(req), req.params.id, req.body)));
  app.post(`${M}/cases/:id/agree`, { schema: { tags, summary: 'Record the agreement’s terms (assigned mediators)', params: IdParams, body: AgreeBody } }, async (req) => agreeCase(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/fail`, { schema: { tags, summary: 'Close without agreement, with the referral', params: IdParams, body: FailBody } }, async (req) => failCase(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/escalate`, { schema: { tags, summary: 'Hand the case to the street’s committee', params: IdParams, body: NoteBody } }, async (req) => escalateCase(ctx(req), req.params.id, req.body ?? {}));
  app.get(`${M}/cases/:id/agreement.pdf`, { schema: { tags, summary: 'The agreement as a printable PDF with a QR code to the case (assigned mediators)', params: IdParams } }, async (req, reply) => {
    const base = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
    const { fileName, pdf } = await agreementPdf(ctx(req), req.params.id, (id) => `${base}/grid/mediation/${id}`);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="agreement.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(pdf);
  });
  app.post(
    `${M}/cases/:id/signed`,
    { schema: { tags, summary: 'Upload the signed agreement’s scan, with the day signed', description: `${MULTIPART_NOTE} Fields: signedOn.`, params: IdParams } },
    async (req) => {
      const { body, files } = await readForm(req, SignBody);
      return uploadSigned(ctx(req), req.params.id, body, files);
    },
  );
  app.post(`${M}/cases/:id/confirmation`, { schema: { tags, summary: 'Apply for court confirmation (within 30 days of signing)', params: IdParams, body: ConfirmApplyBody } }, async (req) => applyConfirmation(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/confirmation/outcome`, { schema: { tags, summary: 'Record the court’s outcome', params: IdParams, body: ConfirmOutcomeBody } }, async (req) => recordConfirmation(ctx(req), req.params.id, req.body));
  app.post(`${M}/cases/:id/followups`, { schema: { tags, summary: 'Record a follow-up visit', params: IdParams, body: FollowupBody } }, async (req, reply) => reply.code(201).send(await recordFollowup(ctx(req), req.params.id, req.body)));

  app.get(me, { schema: { tags, summary: 'My mediation applications and the compounds I may apply at' } }, async (req) => myMediation(ctx(req)));
  app.post(me, { schema: { tags, summary: 'Apply for mediation at my compound', body: ApplyBody } }, async (req, reply) => reply.code(201).send(await applyForMediation(ctx(req), req.body)));
}
