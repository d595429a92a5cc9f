import { ActionBar, Anchor, Button, getDefaultZIndex, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type UnbilledActionBarProps = {
  selectedCount: number;
  matchingCount: number;
  allMatchingSelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onSkip: () => void;
};

/** Floats at the bottom while rows are selected; actions are grouped by what they act on. */
export function UnbilledActionBar(props: UnbilledActionBarProps) {
  const { selectedCount, matchingCount, allMatchingSelected, onSelectAllMatching, onClear, onSkip } = props;
  const { t } = useTranslation();
  return (
    <ActionBar
      opened={selectedCount > 0}
      onClose={onClear}
      closeOnEscape
      aria-label={t('unbilled.actions')}
      shadow="md"
      zIndex={getDefaultZIndex('app') + 1} // under the confirm modal's overlay, which it opens
    >
      <Text size="sm" fw={500} data-testid="selected-count">
        {allMatchingSelected
          ? t('unbilled.allMatchingSelected', { count: selectedCount })
          : t('unbilled.selected', { count: selectedCount })}
      </Text>
      {!allMatchingSelected && matchingCount > selectedCount && (
        <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
          {t('unbilled.selectAllMatching', { count: matchingCount })}
        </Anchor>
      )}
      <ActionBar.Divider />
      <Menu position="top" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default">
            {t('unbilled.advancesMenu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('unbilled.advancesMenu')}</Menu.Label>
          <Menu.Item onClick={onSkip}>{t('unbilled.skipPeriod')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ActionBar.CloseButton aria-label={t('unbilled.clearSelection')} />
    </ActionBar>
  );
}
