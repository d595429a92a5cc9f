import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

type FieldIssue = { path: string; message: string };

/** The translated text of a failed request: by its error code where we know it, the server's message otherwise. */
export function apiErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const details = error.details;
  // Details named in the texts, e.g. `role_in_use` -> `{memberships: 3}`, become their plural count.
  const memberships = isRecord(details) && typeof details.memberships === 'number' ? details.memberships : undefined;
  return t(`errors.${error.code}`, { defaultValue: error.message, count: memberships });
}

type ApiErrorAlertProps = {
  error: unknown;
  /** Names a field by its path in the request, where a form labels it differently than `fields.*`. */
  fieldLabel?: (path: string) => string | undefined;
};

/** Shows a failed request, with the fields a `validation_failed` answer names. */
export function ApiErrorAlert({ error, fieldLabel }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const labelOf = (path: string) => fieldLabel?.(path) ?? t(`fields.${path.split('.')[0]}`, { defaultValue: path });
  const issues = error instanceof ApiError && error.code === 'validation_failed' ? fieldIssues(error.details) : [];
  return (
    <Alert
      color="red"
      variant="light"
      // A refused form is the person's to correct, not a failure of the application.
      title={error instanceof ApiError && error.code === 'validation_failed' ? t('errors.validationTitle') : t('errors.title')}
      role="alert"
      data-error-code={error instanceof ApiError ? error.code : undefined}
    >
      {apiErrorText(t, error)}
      {issues.length > 0 && (
        <List size="sm" mt={4}>
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${labelOf(issue.path)}: ${issue.message}` : issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is FieldIssue => isRecord(d) && typeof d.path === 'string' && typeof d.message === 'string');
}
