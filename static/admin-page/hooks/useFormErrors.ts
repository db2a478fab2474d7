// A form's error state: the last failed answer, its field messages placed under the form's inputs.
import { useCallback, useMemo, useState } from 'react';
import type { ResolverError } from '@contract/result';
import { fieldMessages, placeErrors, type FieldMessage, type PlacedErrors } from '../state/field-errors';

export interface FormErrors {
  error: ResolverError | null;
  placed: PlacedErrors;
  /** The message under the input at `path`, if any. */
  at: (path: string) => string | undefined;
  setError: (error: ResolverError | null) => void;
  /** Messages found before sending (a number that is not one), shown like the server's. */
  setLocal: (fields: FieldMessage[], summary: string) => void;
}

export function useFormErrors(known: readonly string[]): FormErrors {
  const [error, setError] = useState<ResolverError | null>(null);
  const key = known.join('\n');
  // `known` is rebuilt on every render; its content is what matters.
  const placed = useMemo(() => placeErrors(fieldMessages(error), key.split('\n')), [error, key]);
  const at = useCallback((path: string) => placed.at.get(path), [placed]);
  const setLocal = useCallback((fields: FieldMessage[], summary: string) => {
    setError({ code: 'INVALID_INPUT', message: summary, field: fields[0]?.field, fields });
  }, []);
  return { error, placed, at, setError, setLocal };
}
