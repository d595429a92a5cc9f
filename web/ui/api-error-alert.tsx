import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** Shows a failed request: the translated error code where we know it, the server's message otherwise. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? t(`errors.${error.code}`, { defaultValue: error.message }) : t('errors.unexpected');
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {message}
    </Alert>
  );
}
