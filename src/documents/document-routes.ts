/**
 * The routes whose body is a multipart form (a document's upload, to a case or to a person's
 * register entry), so the JSON body reader
 * (src/http/request-body.ts) lets it through to multer, which reads it with the size limit.
 */
export const MULTIPART_PATHS: readonly RegExp[] = [/^\/api\/v1\/cases\/[^/]+\/documents\/?$/, /^\/api\/v1\/people\/[^/]+\/documents\/?$/];
