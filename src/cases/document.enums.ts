/**
 * What a case's documents may be (document.events.ts): what the document is to the case, and
 * the media types the service accepts, each recognised from the content itself, never from
 * the file's name (src/documents/media-type.ts).
 */

/** What the document is to the case: a statement, an exhibit, the investigation report, the hearing record... */
export const DOCUMENT_KINDS = ['STATEMENT', 'EXHIBIT', 'INVESTIGATION_REPORT', 'HEARING_RECORD', 'CORRESPONDENCE', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The media types a PSD file holds: documents (PDF, DOCX, ODT, plain text), photographs (PNG,
 * JPEG), and recordings of interviews and body-worn video (MP3, MP4). Anything else is refused
 * (415): an executable or an archive has no place in a case file.
 */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'audio/mpeg',
  'video/mp4',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];
