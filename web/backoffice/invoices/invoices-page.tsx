import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useCurrentOrganization } from '../session.js';
import { InvoiceList } from './invoice-list.js';

export function InvoicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('invoices.title'), useCurrentOrganization().name);
  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('nav.billing')}
        </Text>
        <Title order={3}>{t('invoices.title')}</Title>
      </div>
      <InvoiceList />
    </Stack>
  );
}
