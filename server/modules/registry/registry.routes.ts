import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  ChildrenQuery,
  PlaceSearchQuery,
  CreateHouseholdBody,
  CreateOrganisationBody,
  CreatePersonBody,
  CreatePlaceBody,
  CreatePositionBody,
  DeleteBody,
  EndHouseholdBody,
  IdParams,
  OrganisationsQuery,
  PersonsQuery,
  PositionsQuery,
  RoomsQuery,
  UpdateOrganisationBody,
  UpdatePersonBody,
  UpdatePlaceBody,
  UpdatePositionBody,
} from './registry.schemas.ts';
import { addHousehold } from './use-cases/add-household.ts';
import { createOrganisation } from './use-cases/create-organisation.ts';
import { createPerson } from './use-cases/create-person.ts';
import { createPlace } from './use-cases/create-place.ts';
import { createPosition } from './use-cases/create-position.ts';
import { endHousehold } from './use-cases/end-household.ts';
import { getPerson } from './use-cases/get-person.ts';
import { getPlace } from './use-cases/get-place.ts';
import { getRoomHouseholds } from './use-cases/get-room-households.ts';
import { getOrganisation, listOrganisations } from './use-cases/list-organisations.ts';
import { listPersons } from './use-cases/list-persons.ts';
import { listChildPlaces, listRootPlaces, searchPlaces } from './use-cases/list-places.ts';
import { listPositions } from './use-cases/list-positions.ts';
import { listRooms } from './use-cases/list-rooms.ts';
import { type DeletableEntity, requestDeletion } from './use-cases/request-deletion.ts';
import { revealPersonPii } from './use-cases/reveal-person-pii.ts';
import { updateOrganisation } from './use-cases/update-organisation.ts';
import { updatePerson } from './use-cases/update-person.ts';
import { updatePlace } from './use-cases/update-place.ts';
import { updatePosition } from './use-cases/update-position.ts';

/** Thin routes: validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function registryRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['registry'];

  // Places
  app.get('/api/places/roots', { schema: { tags, summary: 'Top places of my scope' } }, async (req) => ({ items: await listRootPlaces(ctx(req)) }));
  app.get('/api/places/search', { schema: { tags, summary: 'Places of my scope by name (a picker)', querystring: PlaceSearchQuery } }, async (req) =>
    searchPlaces(ctx(req), req.query),
  );
  app.get('/api/places/:id', { schema: { tags, summary: 'A place with breadcrumb, details and counts', params: IdParams } }, async (req) =>
    getPlace(ctx(req), req.params.id),
  );
  app.get('/api/places/:id/children', { schema: { tags, summary: "A place's children", params: IdParams, querystring: ChildrenQuery } }, async (req) =>
    listChildPlaces(ctx(req), req.params.id, req.query),
  );
  app.post('/api/places', { schema: { tags, summary: 'Add a place (community … room)', body: CreatePlaceBody } }, async (req, reply) =>
    reply.code(201).send(await createPlace(ctx(req), req.body)),
  );
  app.patch('/api/places/:id', { schema: { tags, summary: 'Edit a place', params: IdParams, body: UpdatePlaceBody } }, async (req) =>
    updatePlace(ctx(req), req.params.id, req.body),
  );

  // Rooms and households
  app.get('/api/rooms', { schema: { tags, summary: 'Rooms in scope', querystring: RoomsQuery } }, async (req) => listRooms(ctx(req), req.query));
  app.get('/api/rooms/:id/households', { schema: { tags, summary: "A room's owners, tenants and family", params: IdParams } }, async (req) =>
    getRoomHouseholds(ctx(req), req.params.id),
  );
  app.post(
    '/api/households',
    { schema: { tags, summary: 'Link a person to a room (owners need a second approver: 202)', body: CreateHouseholdBody } },
    async (req, reply) => {
      const result = await addHousehold(ctx(req), req.body);
      return reply.code(result.status === 'pending' ? 202 : 201).send(result);
    },
  );
  app.post(
    '/api/households/:id/end',
    { schema: { tags, summary: 'End a household on a date (owners need a second approver: 202)', params: IdParams, body: EndHouseholdBody } },
    async (req, reply) => {
      const result = await endHousehold(ctx(req), req.params.id, req.body.endDate);
      return reply.code(result.status === 'pending' ? 202 : 200).send(result);
    },
  );

  // People
  app.get('/api/persons', { schema: { tags, summary: 'People in scope (masked)', querystring: PersonsQuery } }, async (req) => listPersons(ctx(req), req.query));
  app.get('/api/persons/:id', { schema: { tags, summary: 'A person with rooms and positions', params: IdParams } }, async (req) =>
    getPerson(ctx(req), req.params.id),
  );
  app.get('/api/persons/:id/pii', { schema: { tags, summary: 'Full phone and ID number (audited read)', params: IdParams } }, async (req) =>
    revealPersonPii(ctx(req), req.params.id),
  );
  app.post('/api/persons', { schema: { tags, summary: 'Register a person', body: CreatePersonBody } }, async (req, reply) =>
    reply.code(201).send(await createPerson(ctx(req), req.body)),
  );
  app.patch('/api/persons/:id', { schema: { tags, summary: 'Edit a person', params: IdParams, body: UpdatePersonBody } }, async (req) =>
    updatePerson(ctx(req), req.params.id, req.body),
  );

  // Organisations and positions
  app.get('/api/organisations', { schema: { tags, summary: 'Organisations in scope', querystring: OrganisationsQuery } }, async (req) =>
    listOrganisations(ctx(req), req.query),
  );
  app.get('/api/organisations/:id', { schema: { tags, summary: 'An organisation with members', params: IdParams } }, async (req) =>
    getOrganisation(ctx(req), req.params.id),
  );
  app.post('/api/organisations', { schema: { tags, summary: 'Register an organisation', body: CreateOrganisationBody } }, async (req, reply) =>
    reply.code(201).send(await createOrganisation(ctx(req), req.body)),
  );
  app.patch('/api/organisations/:id', { schema: { tags, summary: 'Edit an organisation', params: IdParams, body: UpdateOrganisationBody } }, async (req) =>
    updateOrganisation(ctx(req), req.params.id, req.body),
  );
  app.get('/api/positions', { schema: { tags, summary: 'Positions (who holds which title where)', querystring: PositionsQuery } }, async (req) =>
    listPositions(ctx(req), req.query),
  );
  app.post('/api/positions', { schema: { tags, summary: 'Appoint a person to a position', body: CreatePositionBody } }, async (req, reply) =>
    reply.code(201).send(await createPosition(ctx(req), req.body)),
  );
  app.patch('/api/positions/:id', { schema: { tags, summary: 'Edit a position or its term', params: IdParams, body: UpdatePositionBody } }, async (req) =>
    updatePosition(ctx(req), req.params.id, req.body),
  );

  // Deletion always goes through a second approver: 202 with the approval request.
  const deletable: [string, DeletableEntity][] = [
    ['places', 'place'],
    ['persons', 'person'],
    ['organisations', 'organisation'],
    ['households', 'household'],
    ['positions', 'position'],
  ];
  for (const [path, entity] of deletable) {
    app.delete(
      `/api/${path}/:id`,
      { schema: { tags, summary: `Request deletion of a ${entity} (needs a second approver)`, params: IdParams, body: DeleteBody } },
      async (req, reply) => reply.code(202).send(await requestDeletion(ctx(req), entity, req.params.id, req.body.reason)),
    );
  }
}

