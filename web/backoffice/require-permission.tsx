import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/use-page-title.js';
import { useCan } from './session.js';

/** Renders its page only when the user's role in the current organization allows it. */
export function RequirePermission({ entity, action, children }: { entity: string; action: string; children: ReactNode }) {
  return useCan(entity, action) ? children : <AccessDenied />;
}

function AccessDenied() {
  const { t } = useTranslation();
  usePageTitle(t('access.deniedTitle'));
  return (
    <Alert color="gray" variant="light" title={t('access.deniedTitle')}>
      {t('access.denied')}
    </Alert>
  );
}
