import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MoveInStatus } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LoadMoreButton } from '../../ui/load-more-button.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { hrefOf } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { useMoveInList } from './move-in-queries.js';
import { MoveInsTable } from './move-ins-table.js';
import { PublicFormLink } from './public-form-link.js';

const STATUSES: MoveInStatus[] = ['new', 'accepted', 'rejected'];

export function MoveInsPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  usePageTitle(t('moveIns.title'), organization.name);
  const canCreate = useCan('moveIns', 'create');
  // Kept for the tab, so the way back from a move-in shows the list it was opened from.
  const [status, setStatus] = useSessionStorage<MoveInStatus>({ key: 'wattbill.moveIns.status', defaultValue: 'new' });
  const list = useMoveInList(status);
  const params = { orgId: organization.id };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('moveIns.title')}</Title>
        {canCreate && (
          <Group gap="xs">
            <Button size="xs" variant="default" component="a" href={hrefOf({ name: 'moveInImport', params })}>
              {t('moveIns.import')}
            </Button>
            <Button size="xs" component="a" href={hrefOf({ name: 'newMoveIn', params })}>
              {t('moveIns.new')}
            </Button>
          </Group>
        )}
      </Group>
      <PublicFormLink />
      <SegmentedControl
        size="xs"
        w="fit-content"
        aria-label={t('moveIns.status')}
        value={status}
        onChange={(value) => setStatus(value as MoveInStatus)}
        data={STATUSES.map((value) => ({ value, label: t(`moveInStatus.${value}`) }))}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <>
          <MoveInsTable moveIns={list.data.pages.flatMap((page) => page.items)} status={status} />
          <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}
