import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ledger:isPublic';

/** The route needs no bearer token (only /health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
