import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from './session.js';

/** Renders its page only when the user's role in the current organization allows it. */
export function RequirePermission({ entity, action, children }: { entity: string; action: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (!useCan(entity, action)) {
    return (
      <Alert color="gray" variant="light" title={t('access.deniedTitle')}>
        {t('access.denied')}
      </Alert>
    );
  }
  return children;
}
