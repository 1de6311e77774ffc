import { sql } from 'kysely';
import { z } from 'zod';
import { nullsLast, PageQuery, sortable } from '../../kernel/pagination.ts';
import {
  AREA_RE,
  AREA_SOURCES,
  CORRECTION_FIELDS,
  CORRECTION_STATUSES,
  MANAGEMENT_MODES,
  ORGANISATION_KINDS,
  PARTY_LEVELS,
  PERSON_TAGS,
  PLACE_KINDS,
  RELATIONS,
  ROOM_USES,
} from './registry.constants.ts';

export * from './registry.constants.ts';

/**
 * Request schemas of the registry, shared with the web client. Areas travel as decimal strings of
 * m² ("89.12") and are stored as integer hundredths; a third decimal is refused, never rounded.
 */

export const Area = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => AREA_RE.test(v) && Number(v) > 0, {
    message: '面积须为正数，最多两位小数 / area must be positive with at most two decimals',
  });

const Name = z.string().trim().min(1).max(100);
const DateOnly = z.iso.date();
const Id = z.uuid();

export const IdParams = z.object({ id: Id });

export const RoomDetails = z.object({
  floor: z.number().int().min(-10).max(200).nullable().optional(),
  area: Area,
  areaSource: z.enum(AREA_SOURCES),
  use: z.enum(ROOM_USES),
  /** 交付日期: until then a sold room counts with the developer on an owners' vote. */
  deliveredOn: DateOnly.nullable().optional(),
});
export const CompoundDetails = z.object({
  managementMode: z.enum(MANAGEMENT_MODES),
  propertyCompanyId: Id.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});

export const CreatePlaceBody = z.object({
  parentId: Id,
  kind: z.enum(PLACE_KINDS),
  name: Name,
  room: RoomDetails.optional(),
  compound: CompoundDetails.optional(),
});
export type CreatePlaceBody = z.infer<typeof CreatePlaceBody>;

export const UpdatePlaceBody = z.object({
  name: Name.optional(),
  room: RoomDetails.partial().optional(),
  compound: CompoundDetails.partial().optional(),
});
export type UpdatePlaceBody = z.infer<typeof UpdatePlaceBody>;

/** A place's name in natural order: "2" before "10", "3栋" before "12栋". */
const naturalName = [sql`length(places.name)`, 'places.name'];

export const ChildrenSort = sortable({ name: naturalName, kind: 'places.kind' }, { sort: 'name', order: 'asc' }, 'places.id');
export const ChildrenQuery = PageQuery.extend({ q: z.string().trim().max(50).optional(), ...ChildrenSort.query });
export type ChildrenQuery = z.infer<typeof ChildrenQuery>;

/** A place picker's search: by name anywhere in the actor's scope, optionally of some kinds (comma-separated). */
export const PlaceSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  kinds: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(PLACE_KINDS)).min(1))
    .optional(),
});
export type PlaceSearchQuery = z.infer<typeof PlaceSearchQuery>;

export const RoomsSort = sortable(
  { path: 'places.path', name: naturalName, floor: nullsLast('reg_rooms.floor'), area: 'reg_rooms.area_centi', use: 'reg_rooms.use' },
  { sort: 'path', order: 'asc' },
  'places.id',
);
export const RoomsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().max(50).optional().describe('room number or holder name'),
  use: z.enum(ROOM_USES).optional(),
  ...RoomsSort.query,
});
export type RoomsQuery = z.infer<typeof RoomsQuery>;

const Phone = z.string().trim().max(20);
const IdNumber = z.string().trim().max(24);

export const CreatePersonBody = z.object({
  placeId: Id.describe('the place registering the person (community, compound …)'),
  name: Name,
  phone: Phone.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  tags: z.array(z.enum(PERSON_TAGS)).max(PERSON_TAGS.length).default([]),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;
export const UpdatePersonBody = CreatePersonBody.omit({ placeId: true })
  .partial()
  .extend({
    /** The day a change of tags took effect (a 民政 certificate's date); today (China) when absent. */
    tagsChangedOn: z.iso.date().optional(),
  });
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PersonsSort = sortable({ name: 'reg_persons.name', createdAt: 'reg_persons.created_at' }, { sort: 'name', order: 'asc' }, 'reg_persons.id');
export const PersonsQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('name, room number, full phone, or the last 4 digits of the phone'),
  placeId: Id.optional(),
  tag: z.enum(PERSON_TAGS).optional(),
  ...PersonsSort.query,
});
export type PersonsQuery = z.infer<typeof PersonsQuery>;

export const CreateHouseholdBody = z
  .object({
    roomId: Id,
    personId: Id.optional(),
    organisationId: Id.optional(),
    relation: z.enum(RELATIONS),
    shareBp: z.number().int().min(1).max(10000).nullable().optional(),
    startDate: DateOnly.nullable().optional(),
  })
  .refine((b) => !!b.personId !== !!b.organisationId, { message: '须且仅须指定人员或组织之一 / give exactly one of personId, organisationId' });
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;
export const EndHouseholdBody = z.object({ endDate: DateOnly });

export const CreateOrganisationBody = z.object({
  placeId: Id,
  kind: z.enum(ORGANISATION_KINDS),
  name: Name,
  parentId: Id.nullable().optional(),
  partyLevel: z.enum(PARTY_LEVELS).nullable().optional(),
  creditCode: z.string().trim().max(18).nullable().optional(),
  contactPhone: Phone.nullable().optional(),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;
export const UpdateOrganisationBody = CreateOrganisationBody.omit({ placeId: true, kind: true }).partial();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;
/** By place (the default): grouped by the place's tree, then kind and name. */
export const OrganisationsSort = sortable(
  { place: ['places.path', 'reg_organisations.kind', 'reg_organisations.name'], name: 'reg_organisations.name', kind: 'reg_organisations.kind' },
  { sort: 'place', order: 'asc' },
  'reg_organisations.id',
);
export const OrganisationsQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  placeId: Id.optional(),
  ...OrganisationsSort.query,
});
export type OrganisationsQuery = z.infer<typeof OrganisationsQuery>;

export const CreatePositionBody = z.object({
  personId: Id,
  organisationId: Id,
  title: Name,
  placeId: Id.nullable().optional(),
  termStart: DateOnly.nullable().optional(),
  termEnd: DateOnly.nullable().optional(),
});
export type CreatePositionBody = z.infer<typeof CreatePositionBody>;
export const UpdatePositionBody = CreatePositionBody.pick({ title: true, placeId: true, termStart: true, termEnd: true }).partial();
export type UpdatePositionBody = z.infer<typeof UpdatePositionBody>;
export const PositionsQuery = PageQuery.extend({ personId: Id.optional(), organisationId: Id.optional() });
export type PositionsQuery = z.infer<typeof PositionsQuery>;

export const DeleteBody = z.object({ reason: z.string().trim().min(1).max(300) });

/** A resident's correction request (PIPL art. 46): which part of their record, in their own words. */
export const CorrectionBody = z.strictObject({
  field: z.enum(CORRECTION_FIELDS),
  request: z.string().trim().min(1).max(500),
});
export type CorrectionBody = z.infer<typeof CorrectionBody>;
export const AnswerCorrectionBody = z.strictObject({ answer: z.string().trim().min(1).max(500) });
export type AnswerCorrectionBody = z.infer<typeof AnswerCorrectionBody>;

/** 信息更正: open requests first by default (status desc puts 'open' before 'answered'), newest first within. */
export const CorrectionsSort = sortable(
  { createdAt: 'c.created_at', status: ['c.status', 'c.created_at'], person: 'person.name', field: 'c.field', answeredAt: nullsLast('c.answered_at') },
  { sort: 'createdAt', order: 'desc' },
  'c.id',
);
export const CorrectionsQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe("the person's name or words of the request"),
  status: z.enum(CORRECTION_STATUSES).optional(),
  field: z.enum(CORRECTION_FIELDS).optional(),
  ...CorrectionsSort.query,
});
export type CorrectionsQuery = z.infer<typeof CorrectionsQuery>;
