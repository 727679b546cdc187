import { Injectable, PipeTransform } from '@nestjs/common';
import { problem } from '../../src/http/problem';
import { canonicalUuid } from '../../src/http/uuid';

/** A case id in a path is a UUID (docs/api.md: clients choose it as one), lower-cased (src/http/uuid.ts); anything else is a 400. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const caseId = canonicalUuid(value);
    if (caseId !== undefined) return caseId;
    throw problem(400, 'validation-failed', 'The case id in the path must be a UUID.', { errors: [{ field: 'caseId', message: 'must be a UUID' }] });
  }
}
