import { Type } from '@sinclair/typebox';
import { FormText, Uuid } from '../../lib/request-schemas.ts';

/** What the LA and school pages share: view names, the form's body, the notices after a change. */
export const view = (name: string) => `features/professional-learning/views/${name}.njk`;

const field = Type.String({ maxLength: 200 });
// Every box is required: a browser always sends them (empty when left blank); their content is checked by the service.
export const CompletionBody = Type.Object({
  person: field,
  programme: field,
  'completedOn-day': field,
  'completedOn-month': field,
  'completedOn-year': field,
});
export const RecordParams = Type.Object({ id: Uuid });
export const DoneQuery = Type.Object({ done: FormText(20) });

const NOTICES = ['recorded', 'removed'] as const;
/** The catalogue key of the success banner after a change, if the query names one. */
export function doneNotice(done: string | undefined): string | null {
  return (NOTICES as readonly string[]).includes(done ?? '') ? `professionalLearning.done.${done}` : null;
}
