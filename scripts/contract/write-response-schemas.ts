/** `npm run client`, first step: writes src/http/contract/response-schemas.generated.json from the response types. */
import { writeFileSync } from 'node:fs';
import { renderResponseSchemas, RESPONSE_SCHEMAS_FILE } from './response-schemas';

writeFileSync(RESPONSE_SCHEMAS_FILE, renderResponseSchemas());
