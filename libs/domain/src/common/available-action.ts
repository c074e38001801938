/**
 * "What can I do now": an action a person may take on a workflow at this moment, with what its form
 * needs. Derived from the same rules the validators use (each rule's `permits`), never a second list.
 */

/** One allowed value of a field, with its Vietnamese label when the state knows one. */
export interface Choice {
  value: string | number | boolean;
  label: string;
}

/** What a form for an action starts with: payload fields only, so the prefill itself is a valid start. */
export interface ActionForm {
  /** Payload fields filled from the state (the open review's number, the registration to revise...). */
  prefill?: Record<string, unknown>;
  /** Per payload field, the values it may take now, with labels. */
  choices?: Record<string, Choice[]>;
}

export interface AvailableAction<N extends string = string> {
  name: N;
  prefill: Record<string, unknown>;
  choices?: Record<string, Choice[]>;
}

/** The action with its form, `prefill` always present and `choices` only when there are some. */
export function availableAction<N extends string>(name: N, form: ActionForm | undefined): AvailableAction<N> {
  const choices = form?.choices && Object.keys(form.choices).length > 0 ? { choices: form.choices } : {};
  return { name, prefill: form?.prefill ?? {}, ...choices };
}

/** Labels of the subjects of evaluations and commendations. */
export const SUBJECT_KIND_CHOICES: Choice[] = [
  { value: 'UNIT', label: 'Tập thể (đơn vị)' },
  { value: 'PERSON', label: 'Cá nhân' },
];

/**
 * The refusal of an action whose `permits` refused (`denied`): the payload's own check says more when it
 * refuses for the person or the phase of the very subject it names (a registration, a review, an item,
 * a delegated opinion); otherwise the general refusal stands. Null when `denied` is null and the payload passes.
 */
export function refusalOf<R extends { kind: string }>(denied: R | null, payloadRefusal: () => R | null): R | null {
  const specific = payloadRefusal();
  if (!denied) return specific;
  return specific && (specific.kind === 'FORBIDDEN' || specific.kind === 'WRONG_PHASE') ? specific : denied;
}
