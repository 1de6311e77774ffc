import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { CardBody, CardsQuery, IdParams, MyPassesQuery, PassBody, PassesQuery, ReviewBody, RoomsQuery, VehicleBody, VehiclesQuery } from './devices.visitors.schemas.ts';
import { issueCard } from './use-cases/visitors-cards-issue.ts';
import { listCards } from './use-cases/visitors-cards-list.ts';
import { revokeCard } from './use-cases/visitors-cards-revoke.ts';
import { compoundRooms, visitorsCompounds } from './use-cases/visitors-compounds.ts';
import { cancelPass } from './use-cases/visitors-passes-cancel.ts';
import { createPass } from './use-cases/visitors-passes-create.ts';
import { listPasses } from './use-cases/visitors-passes-list.ts';
import { myPass, myPasses } from './use-cases/visitors-passes-mine.ts';
import { addVehicle } from './use-cases/visitors-vehicles-add.ts';
import { exportVehiclesXlsx, listVehicles } from './use-cases/visitors-vehicles-list.ts';
import { myRooms, myVehicles } from './use-cases/visitors-vehicles-mine.ts';
import { removeVehicle } from './use-cases/visitors-vehicles-remove.ts';
import { reviewVehicle } from './use-cases/visitors-vehicles-review.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The visitors part's staff and resident routes (thin: validate → use case → JSON). */
export async function visitorsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['devices visitors'];
  const D = '/api/devices';
  const me = '/api/me/devices';

  app.get(`${D}/visitors/compounds`, { schema: { tags, summary: 'Compounds whose vehicles, cards and passes I see' } }, async (req) => visitorsCompounds(ctx(req)));
  app.get(`${D}/visitors/compounds/:id/rooms`, { schema: { tags, summary: 'Rooms of a compound I manage (to issue a card)', params: IdParams, querystring: RoomsQuery } }, async (req) => compoundRooms(ctx(req), req.params.id, req.query.q));

  app.get(`${D}/vehicles`, { schema: { tags, summary: 'Residents’ vehicles: search, filter, sort, page', querystring: VehiclesQuery } }, async (req) => listVehicles(ctx(req), req.query));
  app.get(`${D}/vehicles/export.xlsx`, { schema: { tags, summary: 'Residents’ vehicles as xlsx', querystring: VehiclesQuery } }, async (req, reply) => {
    const file = await exportVehiclesXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.post(`${D}/vehicles/:id/review`, { schema: { tags, summary: 'Approve or reject a resident’s vehicle (the resident is told)', params: IdParams, body: ReviewBody } }, async (req) => reviewVehicle(ctx(req), req.params.id, req.body));

  app.get(`${D}/cards`, { schema: { tags, summary: 'Access cards: search, filter, sort, page', querystring: CardsQuery } }, async (req) => listCards(ctx(req), req.query));
  app.post(`${D}/visitors/compounds/:id/cards`, { schema: { tags, summary: 'Issue an access card to a room of the compound', params: IdParams, body: CardBody } }, async (req, reply) => reply.code(201).send(await issueCard(ctx(req), req.params.id, req.body)));
  app.post(`${D}/cards/:id/revoke`, { schema: { tags, summary: 'Revoke an access card', params: IdParams } }, async (req) => revokeCard(ctx(req), req.params.id));

  app.get(`${D}/passes`, { schema: { tags, summary: 'Visitor passes of the compounds I see (phones masked)', querystring: PassesQuery } }, async (req) => listPasses(ctx(req), req.query));

  app.get(`${me}/rooms`, { schema: { tags, summary: 'My rooms, and where I may register vehicles' } }, async (req) => myRooms(ctx(req)));
  app.get(`${me}/vehicles`, { schema: { tags, summary: 'The vehicles of my rooms' } }, async (req) => myVehicles(ctx(req)));
  app.post(`${me}/vehicles`, { schema: { tags, summary: 'Register a vehicle to my room (pending review)', body: VehicleBody } }, async (req, reply) => reply.code(201).send(await addVehicle(ctx(req), req.body)));
  app.delete(`${me}/vehicles/:id`, { schema: { tags, summary: 'Remove a vehicle of my room', params: IdParams } }, async (req) => removeVehicle(ctx(req), req.params.id));
  app.get(`${me}/passes`, { schema: { tags, summary: 'My visitor passes', querystring: MyPassesQuery } }, async (req) => myPasses(ctx(req), req.query));
  app.post(`${me}/passes`, { schema: { tags, summary: 'Invite a visitor: a QR pass for a time window', body: PassBody } }, async (req, reply) => reply.code(201).send(await createPass(ctx(req), req.body)));
  app.get(`${me}/passes/:id`, { schema: { tags, summary: 'One of my passes, with its code', params: IdParams } }, async (req) => myPass(ctx(req), req.params.id));
  app.post(`${me}/passes/:id/cancel`, { schema: { tags, summary: 'Cancel one of my passes', params: IdParams } }, async (req) => cancelPass(ctx(req), req.params.id));
}
