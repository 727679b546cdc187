import { Injectable, PipeTransform } from '@nestjs/common';
import { problem } from '../../src/http/problem';
import { isUuid } from '../../src/http/uuid';

/** A case id in a path is a UUID (api.md: clients choose it as one); anything else is a 400. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUuid(value)) return value;
    throw problem(400, 'validation-failed', 'The case id in the path must be a UUID.', { errors: [{ field: 'caseId', message: 'must be a UUID' }] });
  }
}
