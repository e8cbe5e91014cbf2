// From one real form (a page's POST form as a person allowed to submit it sees it), an otherwise
// valid submission with exactly one thing made hostile.
import fc from 'fast-check';
import type { RegisteredRoute } from '../../src/plugins/policy.ts';
import type { FormControl, PageForm } from './html-forms.ts';
import {
  arrayFor,
  badNumber,
  brokenMultipart,
  impossibleDate,
  impossibleIsoDate,
  impossibleTime,
  isIdField,
  notAUuid,
  overlong,
  shapeOf,
  textWithControl,
  wrongContentType,
  type Fields,
  type HostileRequest,
} from './hostile-values.ts';

/** A value a person would type into an empty box, so that the hostile field is the only thing wrong. */
function plausible(control: FormControl): string {
  if (/email/i.test(control.name)) return 'bad-input@example.test';
  if (/-day$/.test(control.name)) return '14';
  if (/-month$/.test(control.name)) return '10';
  if (/-year$/.test(control.name)) return '2025';
  if (/(startsAt|endsAt|Time)$/.test(control.name)) return '10:30';
  if (control.numeric || control.kind === 'number') return '1';
  if (control.kind === 'date') return '2025-10-14';
  return 'Written by the bad-input suite';
}

/** What a browser would submit, with empty boxes filled as a careful person would. */
export function baselineFields(form: PageForm): Fields {
  const fields: Fields = {};
  const add = (name: string, value: string) => (fields[name] ??= []).push(value);
  const radios = new Map<string, FormControl[]>();
  for (const c of form.controls) {
    if (c.kind === 'file') continue;
    if (c.kind === 'radio') radios.set(c.name, [...(radios.get(c.name) ?? []), c]);
    else if (c.kind === 'checkbox') {
      if (c.options.includes('checked')) add(c.name, c.value);
    } else if (c.kind === 'select') add(c.name, c.value || c.options.find(Boolean) || '');
    else if (c.kind === 'hidden') add(c.name, c.value);
    else add(c.name, c.value.trim() ? c.value : plausible(c));
  }
  for (const [name, group] of radios) add(name, (group.find((c) => c.options.includes('checked')) ?? group[0]!).value);
  return fields;
}

function encodeForm(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [k, values] of Object.entries(fields)) for (const v of values) params.append(k, v);
  return params.toString();
}

/**
 * A route's batch of `size` requests, the first with a hostile field: only a field refused by a
 * check of the body shows the persona got past access, and a form holding nothing but its token
 * (three ways to be hostile, two of them whole bodies) would otherwise draw none, now and then.
 */
export function hostileBatch(form: PageForm, route: RegisteredRoute, size: number): fc.Arbitrary<HostileRequest[]> {
  const { fields, bodies } = hostileChoices(form, route);
  const any = fc.oneof(...fields, ...bodies);
  if (fields.length === 0 || size < 1) return fc.array(any, { minLength: size, maxLength: size });
  return fc
    .tuple(fc.oneof(...fields), fc.array(any, { minLength: size - 1, maxLength: size - 1 }))
    .map(([first, rest]) => [first, ...rest]);
}

/** Every way this form can be made hostile, one field (or one date group) at a time, or the whole body. */
function hostileChoices(
  form: PageForm,
  route: RegisteredRoute,
): { fields: fc.Arbitrary<HostileRequest>[]; bodies: fc.Arbitrary<HostileRequest>[] } {
  const base = baselineFields(form);
  const multipart = form.multipart;
  const field = (label: string, name: string, values: fc.Arbitrary<string[]>) =>
    values.map((v): HostileRequest => ({
      kind: 'field',
      label: `${label} in ${name}`,
      fields: { ...base, [name]: v },
      multipart,
    }));
  const choices: fc.Arbitrary<HostileRequest>[] = [];
  const names = new Set<string>();
  for (const control of form.controls) {
    if (control.kind === 'file' || names.has(control.name)) continue;
    names.add(control.name);
    const shape = shapeOf(route.schema?.body, control.name);
    const current = base[control.name]?.[0] ?? control.value;
    const offered = form.controls
      .filter((c) => c.name === control.name)
      .flatMap((c) => (c.kind === 'select' ? c.options : [c.value]))
      .filter(Boolean);
    choices.push(
      field(
        'control character',
        control.name,
        textWithControl(current).map((v) => [v]),
      ),
    );
    const limit = shape?.maxLength ?? control.maxLength;
    if (limit !== undefined)
      choices.push(
        field(
          'overlong text',
          control.name,
          overlong(limit).map((v) => [v]),
        ),
      );
    if (shape && !shape.array) choices.push(field('array for a scalar', control.name, arrayFor(current)));
    if (
      shape?.type === 'integer' ||
      shape?.type === 'number' ||
      control.numeric ||
      control.kind === 'number' ||
      control.name === 'version'
    ) {
      choices.push(
        field(
          'bad number',
          control.name,
          badNumber(shape).map((v) => [v]),
        ),
      );
    }
    if (isIdField(control, shape, offered))
      choices.push(
        field(
          'non-uuid id',
          control.name,
          notAUuid.map((v) => (shape?.array ? [...(base[control.name] ?? []), v] : [v])),
        ),
      );
    if (control.kind === 'date' || shape?.format === 'date')
      choices.push(
        field(
          'impossible date',
          control.name,
          impossibleIsoDate.map((v) => [v]),
        ),
      );
    if (/(startsAt|endsAt)$/.test(control.name) && /^\d\d:\d\d$/.test(current))
      choices.push(
        field(
          'impossible time',
          control.name,
          impossibleTime.map((v) => [v]),
        ),
      );
  }
  for (const name of names) {
    const group = /^(.*)-day$/.exec(name)?.[1];
    if (!group || !names.has(`${group}-month`) || !names.has(`${group}-year`)) continue;
    choices.push(
      impossibleDate.map(([d, m, y]): HostileRequest => ({
        kind: 'field',
        label: `impossible date in ${group}`,
        multipart,
        fields: { ...base, [`${group}-day`]: [d], [`${group}-month`]: [m], [`${group}-year`]: [y] },
      })),
    );
  }
  const body = encodeForm(base);
  return {
    fields: choices,
    bodies: [
      wrongContentType(body).map((r): HostileRequest => ({
        kind: 'raw',
        label: `wrong content type ${r.contentType}`,
        ...r,
      })),
      brokenMultipart(base).map((r): HostileRequest => ({
        kind: 'raw',
        label: `broken multipart (${r.contentType})`,
        ...r,
      })),
    ],
  };
}
