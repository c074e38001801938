import { MAX_FREE_TEXT_LENGTH } from '../limits';
import { invalid, Refusal } from '../programme/refusal';

/** A required text field: not blank, at most `max` characters. */
export function text(value: unknown, field: string, max = MAX_FREE_TEXT_LENGTH): Refusal | null {
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${field} must not be empty`);
  if (value.length > max) return invalid(`${field} is longer than ${max} characters`);
  return null;
}
