/**
 * A document's media type, recognised from its first bytes (file-type's signatures), never
 * from its name or the type its sender claims. Plain text has no signature: it is content that
 * is valid UTF-8 with no control character but tab, line feed, form feed and carriage return.
 */
import { fromBuffer } from 'file-type';
import { isOneOf } from '../cases/case.enums';
import { DOCUMENT_MEDIA_TYPES } from '../cases/document.enums';
import type { DocumentMediaType } from '../cases/document.enums';

export async function mediaTypeOf(content: Uint8Array): Promise<DocumentMediaType | undefined> {
  const detected = await fromBuffer(content);
  if (detected !== undefined) return isOneOf(DOCUMENT_MEDIA_TYPES, detected.mime) ? detected.mime : undefined;
  return isPlainText(content) ? 'text/plain' : undefined;
}

const DECODER = new TextDecoder('utf-8', { fatal: true });

function isPlainText(content: Uint8Array): boolean {
  let text: string;
  try {
    text = DECODER.decode(content);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
