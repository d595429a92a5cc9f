import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type LoadMoreButtonProps = { hasMore: boolean; loading: boolean; onLoadMore: () => void };

/** Cursor pagination: fetches the next page and appends it. */
export function LoadMoreButton({ hasMore, loading, onLoadMore }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center py="sm">
      <Button variant="default" size="xs" loading={loading} onClick={onLoadMore}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
