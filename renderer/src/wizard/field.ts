/** Field props from an optional message (exactOptionalPropertyTypes: absent, never `undefined`). */
import type { FieldProps } from '@fluentui/react-components';

export function validation(
  message: string | undefined,
): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  return message === undefined
    ? { validationState: 'none' }
    : { validationState: 'error', validationMessage: message };
}

export function hintOf(text: string | undefined): Pick<FieldProps, 'hint'> {
  return text === undefined ? {} : { hint: text };
}
