// A labelled input with its helper text and the message the server gave for it.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Box } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

interface FieldProps {
  /** The input's id (the label points to it); also the test id of the message: `<id>-error`. */
  id: string;
  /** Empty for a row that repeats the inputs of the row above (give the input an aria-label then). */
  label: string;
  error?: string;
  help?: string;
  children: ReactNode;
}

export function Field({ id, label, error, help, children }: FieldProps) {
  return (
    <Box>
      {label ? (
        <Label htmlFor={id} testId={`${id}-label`}>
          {label}
        </Label>
      ) : null}
      {children}
      {help && !error ? <HelperMessage>{help}</HelperMessage> : null}
      {error ? <ErrorMessage testId={`${id}-error`}>{error}</ErrorMessage> : null}
    </Box>
  );
}

/** A message under a group of inputs (a row, a list) that has no label of its own. */
export function InlineError({ id, error }: { id: string; error?: string }) {
  return error ? <ErrorMessage testId={`${id}-error`}>{error}</ErrorMessage> : null;
}
