// The list filter and ordering, as plain data (the GraphQL input classes in *.input.ts mirror it).

export interface ListFilter {
  yearFrom?: number | null;
  yearTo?: number | null;
  usesMethod?: string | null;
  evaluatesOn?: string | null;
  addressesTask?: string | null;
  role?: 'INTRODUCED' | 'USED' | null;
  hasCode?: boolean | null;
}

export type Direction = 'ASC' | 'DESC';

/** Parameters every list query takes: the filter values, null when unset. */
export function filterParams(filter: ListFilter | null | undefined): Record<string, unknown> {
  return {
    yearFrom: filter?.yearFrom ?? null,
    yearTo: filter?.yearTo ?? null,
    usesMethod: filter?.usesMethod ?? null,
    evaluatesOn: filter?.evaluatesOn ?? null,
    addressesTask: filter?.addressesTask ?? null,
    hasCode: filter?.hasCode ?? null,
  };
}
