/** The search read model's name and tables (search.projection.ts fills them; search.queries.ts reads them). */
export const SEARCH_PROJECTION = 'search';
/** One row per document: a case, a person in a case, a register entry, a recommendation. */
export const SEARCH_DOCUMENTS_TABLE = 'search_documents';
/** Whose force a person's register entries are: the workforce holding them, else their first entry's. */
export const SEARCH_PEOPLE_TABLE = 'search_people';
