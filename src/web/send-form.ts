/**
 * A page's form sent down its command route (command-forms.ts), for the pages whose forms
 * are derived from a route: the form's idempotency key, its body read from the form's
 * values, the session's last position remembered so the next page reads its own write.
 */
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { CommandResponse } from '../http/command-response';
import { canonicalUuid } from '../http/uuid';
import { commandRequest } from './command-forms';
import type { CommandForm, CommandForms } from './command-forms';
import type { PageRequest } from './configure-pages';
import { bodyOf, formText } from './form-fields';
import type { FormValues } from './form-fields';
import { formRefusal } from './form-refusal';
import type { FormRefusal } from './form-refusal';
import type { WebSessions } from './web-sessions';

/** Undefined once sent; else the refusal to draw the form again with (anything else is thrown on to the page's error filter). */
export async function sendForm(
  services: { forms: CommandForms; sessions: WebSessions },
  page: { request: PageRequest; response: Response },
  form: CommandForm,
  params: Record<string, string>,
): Promise<FormRefusal | undefined> {
  const { request, response } = page;
  const values = request.body as FormValues;
  const idempotencyKey = canonicalUuid(formText(values._idempotencyKey)) ?? randomUUID();
  const body = bodyOf(form.fields, values);
  try {
    const result = (await services.forms.send(
      form.operationId,
      commandRequest(request, { idempotencyKey }, form.apiPath),
      response,
      params,
      body,
    )) as CommandResponse;
    if (request.page?.session) await services.sessions.rememberPosition(request.page.session, result.body.position);
    return undefined;
  } catch (error) {
    return formRefusal(error, form, { ...params, ...body });
  }
}
