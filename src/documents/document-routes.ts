/**
 * The one route whose body is a multipart form (a document's upload), so the JSON body reader
 * (src/http/request-body.ts) lets it through to multer, which reads it with the size limit.
 */
export const MULTIPART_PATHS: readonly RegExp[] = [/^\/api\/v1\/cases\/[^/]+\/documents\/?$/];
