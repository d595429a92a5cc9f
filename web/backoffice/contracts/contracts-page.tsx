import { Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useCurrentOrganization } from '../session.js';
import { useContractList } from './contract-queries.js';
import { ContractsTable } from './contracts-table.js';

export function ContractsPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  usePageTitle(t('contracts.title'), organization.name);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useContractList(organization.id, q);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('contracts.title')}</Title>
        <TextInput
          size="xs"
          w={320}
          type="search"
          placeholder={t('contracts.searchPlaceholder')}
          aria-label={t('contracts.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <>
          <ContractsTable contracts={list.data.pages.flatMap((page) => page.items)} />
          <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}
