import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateHouseholdBody,
  CreateOrganisationBody,
  CreatePersonBody,
  CreatePlaceBody,
  CreatePositionBody,
  UpdateOrganisationBody,
  UpdatePersonBody,
  UpdatePlaceBody,
} from '#server/modules/registry/contract.ts';
import type { getMyHome } from '#server/modules/registry/contract.ts';
import type { getPerson } from '#server/modules/registry/contract.ts';
import type { getPlace } from '#server/modules/registry/contract.ts';
import type { getRoomHouseholds } from '#server/modules/registry/contract.ts';
import type { getOrganisation, listOrganisations } from '#server/modules/registry/contract.ts';
import type { listPersons } from '#server/modules/registry/contract.ts';
import type { listChildPlaces, listRootPlaces, searchPlaces } from '#server/modules/registry/contract.ts';
import type { listRooms } from '#server/modules/registry/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, type Jsonify, type PendingApproval, type Query } from '../../shared/api.ts';
import { useResidentHome } from '../../resident/home.ts';

/**
 * The registry's API as the web uses it. Response types are inferred from the server's use cases
 * (type-only imports, erased from the bundle), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type PlaceNode = Answer<typeof listRootPlaces>[number];
export type PlaceChild = Answer<typeof listChildPlaces>['items'][number];
export type Place = Answer<typeof getPlace>;
export type RoomRow = Answer<typeof listRooms>['items'][number];
export type Household = Answer<typeof getRoomHouseholds>['items'][number];
export type PersonRow = Answer<typeof listPersons>['items'][number];
export type Person = Answer<typeof getPerson>;
export type OrganisationRow = Answer<typeof listOrganisations>['items'][number];
export type Organisation = Answer<typeof getOrganisation>;
export type MyHome = Answer<typeof getMyHome>;
export type MyRoom = MyHome['rooms'][number];

export type PlaceKind = Place['kind'];
export type Relation = Household['relation'];

export type {
  CreateHouseholdBody,
  CreateOrganisationBody,
  CreatePersonBody,
  CreatePlaceBody,
  CreatePositionBody,
  UpdateOrganisationBody,
  UpdatePersonBody,
  UpdatePlaceBody,
};

export const registryKeys = {
  all: ['registry'] as const,
  roots: () => ['registry', 'places', 'roots'] as const,
  place: (id: string) => ['registry', 'places', id] as const,
  children: (id: string, q: Query) => ['registry', 'places', id, 'children', q] as const,
  placeSearch: (q: string, kinds: readonly string[]) => ['registry', 'places', 'search', q, kinds.join(',')] as const,
  rooms: (q: Query) => ['registry', 'rooms', q] as const,
  households: (roomId: string) => ['registry', 'rooms', roomId, 'households'] as const,
  persons: (q: Query) => ['registry', 'persons', q] as const,
  person: (id: string) => ['registry', 'persons', id] as const,
  organisations: (q: Query) => ['registry', 'organisations', q] as const,
  organisation: (id: string) => ['registry', 'organisations', id] as const,
};

// ——— reads ———

export const fetchRoots = () => apiGet<{ items: PlaceNode[] }>('/api/places/roots').then((r) => r.items);
export const fetchChildren = (id: string, q: Query) => apiGet<Answer<typeof listChildPlaces>>(`/api/places/${id}/children`, q);
export const fetchPersons = (q: Query) => apiGet<Answer<typeof listPersons>>('/api/persons', q);
export const fetchOrganisations = (q: Query) => apiGet<Answer<typeof listOrganisations>>('/api/organisations', q);

export type FoundPlace = Answer<typeof searchPlaces>['items'][number];
/** Places of my scope whose name holds the text, of the given kinds (a picker's search). */
export const usePlaceSearch = (q: string, kinds: readonly string[]) =>
  useQuery({
    queryKey: registryKeys.placeSearch(q, kinds),
    queryFn: () => apiGet<Answer<typeof searchPlaces>>('/api/places/search', { q, kinds: kinds.join(',') }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });

export const usePlaceRoots = () => useQuery({ queryKey: registryKeys.roots(), queryFn: fetchRoots });

export const usePlace = (id: string, enabled = true) => useQuery({ queryKey: registryKeys.place(id), queryFn: () => apiGet<Place>(`/api/places/${id}`), enabled });

export const usePlaceChildren = (id: string, q: Query, enabled = true) =>
  useQuery({ queryKey: registryKeys.children(id, q), queryFn: () => fetchChildren(id, q), placeholderData: keepPreviousData, enabled });

export const useRooms = (q: Query, enabled = true) =>
  useQuery({
    queryKey: registryKeys.rooms(q),
    queryFn: () => apiGet<Answer<typeof listRooms>>('/api/rooms', q),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useRoomHouseholds = (roomId: string) =>
  useQuery({
    queryKey: registryKeys.households(roomId),
    queryFn: () => apiGet<Answer<typeof getRoomHouseholds>>(`/api/rooms/${roomId}/households`),
  });

export const usePersons = (q: Query) =>
  useQuery({ queryKey: registryKeys.persons(q), queryFn: () => fetchPersons(q), placeholderData: keepPreviousData });

export const usePerson = (id: string) =>
  useQuery({ queryKey: registryKeys.person(id), queryFn: () => apiGet<Person>(`/api/persons/${id}`) });

export const useOrganisations = (q: Query) =>
  useQuery({ queryKey: registryKeys.organisations(q), queryFn: () => fetchOrganisations(q), placeholderData: keepPreviousData });

export const useOrganisation = (id: string) =>
  useQuery({ queryKey: registryKeys.organisation(id), queryFn: () => apiGet<Organisation>(`/api/organisations/${id}`) });

/** My rooms and compounds: the registry's slice of the resident home (one request for the whole home). */
export const useMyHome = () => useResidentHome<MyHome>();

// ——— writes ———

/** Every registry write may change counts shown elsewhere: refresh the registry's cached reads. */
function useRegistryMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: registryKeys.all }), client.invalidateQueries({ queryKey: ['approvals'] })]),
  });
}

export const useCreatePlace = () => useRegistryMutation((b: CreatePlaceBody) => apiPost<Place>('/api/places', b));
export const useUpdatePlace = (id: string) => useRegistryMutation((b: UpdatePlaceBody) => apiPatch<Place>(`/api/places/${id}`, b));
export const useCreatePerson = () => useRegistryMutation((b: CreatePersonBody) => apiPost<PersonRow>('/api/persons', b));
export const useUpdatePerson = (id: string) => useRegistryMutation((b: UpdatePersonBody) => apiPatch<PersonRow>(`/api/persons/${id}`, b));
export const useCreateOrganisation = () =>
  useRegistryMutation((b: CreateOrganisationBody) => apiPost<OrganisationRow>('/api/organisations', b));
export const useUpdateOrganisation = (id: string) =>
  useRegistryMutation((b: UpdateOrganisationBody) => apiPatch<OrganisationRow>(`/api/organisations/${id}`, b));
export const useCreatePosition = () => useRegistryMutation((b: CreatePositionBody) => apiPost<{ id: string }>('/api/positions', b));

/** Tenants and family are recorded at once (201); owners and co-owners wait for a second approver (202). */
export const useAddHousehold = () =>
  useRegistryMutation((b: CreateHouseholdBody) => apiPost<{ status: 'created' } | PendingApproval>('/api/households', b));

export const useEndHousehold = () =>
  useRegistryMutation(({ id, endDate }: { id: string; endDate: string }) =>
    apiPost<{ status: 'ended' } | PendingApproval>(`/api/households/${id}/end`, { endDate }),
  );

export type DeletableEntity = 'places' | 'persons' | 'organisations' | 'households' | 'positions';

/** Deleting always needs a second approver: the answer is the pending approval request. */
export const useRequestDeletion = () =>
  useRegistryMutation(({ entity, id, reason }: { entity: DeletableEntity; id: string; reason: string }) =>
    apiDelete<PendingApproval>(`/api/${entity}/${id}`, { reason }),
  );

/** The full phone and ID number; the server records this read in the audit log. */
export const useRevealPii = (id: string) =>
  useMutation({ mutationFn: () => apiGet<{ id: string; phone: string | null; idNumber: string | null }>(`/api/persons/${id}/pii`) });
