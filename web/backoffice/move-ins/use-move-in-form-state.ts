import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';
import type { FieldIssue } from '../../api/types.js';
import {
  dateOrderErrors,
  issuesByField,
  missingFields,
  pathLabelKey,
  REQUIRED_FIELD,
  withoutChangedFields,
  type FieldErrors,
  type MoveInFormValues,
} from './move-in-form-values.js';

/** The form's values and the errors shown on its fields: a field's error goes once the field is changed. */
export function useMoveInFormState(initial: () => MoveInFormValues, initialIssues: FieldIssue[] = []) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(() => issuesByField(initialIssues).fields);

  function change(next: MoveInFormValues) {
    setErrors((current) => withoutChangedFields(current, values, next));
    setValues(next);
  }

  /** Marks the required fields left empty; answers whether the form may be sent. */
  function checkRequired(requireContractFields: boolean): boolean {
    const missing = missingFields(values, requireContractFields);
    // A field keeps the message it has (the server's, say), rather than a bare "Required.".
    setErrors((current) => ({ ...Object.fromEntries(missing.map((field) => [field, REQUIRED_FIELD])), ...current }));
    // Dates in the wrong order are shown on their fields as they are typed (MoveInForm).
    return missing.length === 0 && Object.keys(dateOrderErrors(values)).length === 0;
  }

  /** Puts the fields a refusal names on those fields (`validation_failed`), or the issues given (`problems`). */
  function showIssues(source: ApiError | FieldIssue[]) {
    const issues = Array.isArray(source)
      ? source
      : source.code === 'validation_failed' && Array.isArray(source.details)
        ? source.details
        : [];
    setErrors(issuesByField(issues as FieldIssue[]).fields);
  }

  function reset(next: MoveInFormValues, issues: FieldIssue[] = []) {
    setValues(next);
    setErrors(issuesByField(issues).fields);
  }

  return { values, errors, change, checkRequired, showIssues, reset };
}

/** Labels an issue's path as the form labels its field, for the error summary. */
export function useMoveInFieldLabel() {
  const { t } = useTranslation();
  return (path: string) => {
    const key = pathLabelKey(path);
    return key ? t(key) : undefined;
  };
}
