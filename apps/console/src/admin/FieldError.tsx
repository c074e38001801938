import { FieldProblems, GENERAL } from './org-data';

/** The problems the API named for one field, shown under it and tied to it for screen readers. */
export function FieldError({ problems, field, form }: { problems: FieldProblems; field: string; form: string }) {
  const list = problems[field];
  if (!list?.length) return null;
  return (
    <span className="field-error error" id={`${form}-${field}-error`} role="alert" data-field={field}>
      {list.join('; ')}
    </span>
  );
}

/** Props that mark an input invalid and point it at its error text. */
export const invalid = (problems: FieldProblems, field: string, form: string) =>
  problems[field]?.length ? { 'aria-invalid': true, 'aria-describedby': `${form}-${field}-error` } : {};

/** The problems no single field owns. */
export function FormError({ problems }: { problems: FieldProblems }) {
  const list = problems[GENERAL];
  if (!list?.length) return null;
  return (
    <p className="error" role="alert">
      {list.join('; ')}
    </p>
  );
}
