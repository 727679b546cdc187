/**
 * The GOV.UK Frontend components of a command's form: each field as the macro parameters
 * the step template passes on (step.njk), with the submitted values and each field's
 * validation errors, so that a refused form is drawn again as it was sent.
 */
import { randomUUID } from 'node:crypto';
import { isLegalDay, legalDayRule } from '../common/days';
import type { FormField, FormValues } from './form-fields';
import { labelOf } from './form-fields';

export interface Control {
  component: 'input' | 'textarea' | 'date' | 'radios' | 'checkboxes' | 'select' | 'fieldset';
  params?: Record<string, unknown>;
  legend?: string;
  hint?: string;
  children?: Control[];
}

/** A choice among this many options or fewer is radios; more is a select. */
const MAX_RADIOS = 8;

/** The id of a field's control, from its dotted name; the error summary links to it. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Where the error summary's link for a field goes: a date's day, a choice's first option. */
export function errorTarget(field: FormField | undefined, name: string): string {
  if (field?.kind === 'date') return `#${fieldId(name)}-day`;
  return `#${fieldId(name)}`;
}

const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2024-03-01` → "1 March 2024"; anything else → "". */
export function longDay(value: unknown): string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? LONG_DAY.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : '';
}

/** Initialisms kept in capitals when a name is turned into words. */
const INITIALISMS = ['IOPC', 'CPS', 'PSD', 'ACU', 'DCC', 'APSP', 'PRI', 'HMICFRS'];
const INITIALISM = new RegExp(`\\b(${INITIALISMS.join('|')})\\b`, 'gi');

/** Enumeration values and names as words: `GROSS_MISCONDUCT` → "Gross misconduct", `ReferToIopc` → "Refer to IOPC". */
export function words(value: unknown): string {
  if (typeof value !== 'string') return String(value ?? '');
  let text: string;
  if (/^[A-Z0-9_]+$/.test(value)) {
    const lower = value.replace(/_/g, ' ').toLowerCase();
    text = lower.charAt(0).toUpperCase() + lower.slice(1);
  } else if (/^[A-Za-z]+$/.test(value) && /[a-z][A-Z]/.test(value)) text = labelOf(value);
  else return value;
  return text.replace(INITIALISM, (initialism) => initialism.toUpperCase());
}

/**
 * A day from a GOV.UK date input's three fields (`<prefix>-day`, `-month`, `-year`): the ISO
 * day, nothing when all three are blank, or an error when they make no legal day.
 */
export function dayOfParts(query: Record<string, unknown>, prefix: string): { day?: string; values: Record<string, string>; error?: string } {
  const part = (name: string): string => {
    const value = query[`${prefix}-${name}`];
    return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
  };
  const values = Object.fromEntries(['day', 'month', 'year'].map((name) => [`${prefix}-${name}`, part(name)]));
  const [day, month, year] = ['day', 'month', 'year'].map(part);
  if (day === '' && month === '' && year === '') return { values };
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !isLegalDay(iso)) return { values, error: legalDayRule() };
  return { day: iso, values };
}

/** Ids the case already knows (its subjects' `subjectId`): such a field is a choice among them, not a UUID to type. */
export type KnownIds = Record<string, { value: string; text: string }[]>;

/** The ids a form's path names (`subjectId`, `businessInterestId`), each chosen among those the record knows. */
export function pathChoiceControls(names: readonly string[], known: KnownIds, values: FormValues, errors: Record<string, string>): Control[] {
  return names.map((name) => ({
    component: 'radios',
    params: {
      name: `path.${name}`,
      idPrefix: fieldId(`path.${name}`),
      fieldset: { legend: { text: words(name.replace(/Id$/, '')), classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errors[name] === undefined ? undefined : { text: errors[name] },
      items: (known[name] ?? []).map((item) => ({ ...item, checked: values[`path.${name}`] === item.value })),
    },
  }));
}

export function controlsOf(fields: readonly FormField[], values: FormValues, errors: Record<string, string>, prefix = '', known: KnownIds = {}): Control[] {
  return fields.map((field) => controlOf(field, values, errors, prefix, known));
}

function controlOf(field: FormField, values: FormValues, errors: Record<string, string>, prefix: string, known: KnownIds): Control {
  const name = `${prefix}${field.name}`;
  const id = fieldId(name);
  const label = field.required ? field.label : `${field.label} (optional)`;
  const hint = field.hint === undefined ? undefined : { text: field.hint };
  const errorMessage = errors[name] === undefined ? undefined : { text: errors[name] };
  const value = (key: string): string => {
    const given = values[key];
    return Array.isArray(given) ? (given[0] ?? '') : (given ?? '');
  };
  const common = { id, name, hint, errorMessage };
  switch (field.kind) {
    case 'text':
      return { component: 'input', params: { ...common, label: { text: label }, value: value(name), spellcheck: false } };
    case 'id':
      if (!field.newId && (known[field.name] ?? []).length > 0) {
        return {
          component: 'radios',
          params: {
            ...common,
            idPrefix: id,
            fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
            items: (known[field.name] ?? []).map((item) => ({ ...item, checked: value(name) === item.value })),
          },
        };
      }
      return {
        component: 'input',
        params: {
          ...common,
          label: { text: label },
          value: value(name) || (field.newId ? randomUUID() : ''),
          spellcheck: false,
          classes: 'govuk-input--width-30',
        },
      };
    case 'textarea':
    case 'json':
      return {
        component: 'textarea',
        params: { ...common, label: { text: label }, value: value(name), hint: field.kind === 'json' ? { text: `${field.hint ?? ''} As JSON.`.trim() } : hint },
      };
    case 'count':
      return { component: 'input', params: { ...common, label: { text: label }, value: value(name), inputmode: 'numeric', classes: 'govuk-input--width-5' } };
    case 'date':
      return {
        component: 'date',
        params: {
          id,
          namePrefix: name,
          hint,
          errorMessage,
          fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
          items: [
            { name: 'day', classes: 'govuk-input--width-2', value: value(`${name}-day`) },
            { name: 'month', classes: 'govuk-input--width-2', value: value(`${name}-month`) },
            { name: 'year', classes: 'govuk-input--width-4', value: value(`${name}-year`) },
          ],
        },
      };
    case 'flag':
      return {
        component: 'radios',
        params: {
          ...common,
          idPrefix: id,
          classes: 'govuk-radios--inline',
          fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
          items: [
            { value: 'true', text: 'Yes', checked: value(name) === 'true' },
            { value: 'false', text: 'No', checked: value(name) === 'false' },
          ],
        },
      };
    case 'choice': {
      const options = field.options ?? [];
      if (options.length > MAX_RADIOS) {
        return {
          component: 'select',
          params: {
            ...common,
            label: { text: label },
            items: [{ value: '', text: 'Choose' }, ...options.map((option) => ({ value: option, text: words(option), selected: value(name) === option }))],
          },
        };
      }
      return {
        component: 'radios',
        params: {
          ...common,
          idPrefix: id,
          classes: 'govuk-radios--small',
          fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
          items: options.map((option) => ({ value: option, text: words(option), checked: value(name) === option })),
        },
      };
    }
    case 'choices': {
      const given = values[name];
      const checked = new Set(Array.isArray(given) ? given : given === undefined ? [] : [given]);
      return {
        component: 'checkboxes',
        params: {
          ...common,
          idPrefix: id,
          classes: 'govuk-checkboxes--small',
          fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } },
          items: (field.options ?? []).map((option) => ({ value: option, text: words(option), checked: checked.has(option) })),
        },
      };
    }
    case 'group':
      return { component: 'fieldset', legend: label, hint: field.hint, children: controlsOf(field.fields ?? [], values, errors) };
    case 'rows':
      return {
        component: 'fieldset',
        legend: label,
        hint: [field.hint, `Up to ${field.rows ?? 0}; leave a row blank to send fewer.`].filter(Boolean).join(' '),
        children: Array.from({ length: field.rows ?? 0 }, (_, index) => ({
          component: 'fieldset' as const,
          legend: `${field.label} ${index + 1}`,
          children: controlsOf(field.fields ?? [], values, errors, `${name}.${index}.`),
        })),
      };
    default: {
      const unexpected: never = field.kind;
      throw new Error(`no control for a ${String(unexpected)} field`);
    }
  }
}
