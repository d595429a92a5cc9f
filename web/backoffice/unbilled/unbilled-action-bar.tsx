import { ActionBar, Anchor, Box, Button, getDefaultZIndex, Menu, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

type UnbilledActionBarProps = {
  selectedCount: number;
  matchingCount: number;
  allMatchingSelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onSkip: () => void;
  /** Bills what the filter matches (a run takes a filter, not a list of periods); absent without the right to. */
  onBill?: (() => void) | undefined;
};

// The bar floats 30 px above the bottom and is about 50 px high: the page ends this much lower so nothing stays under it.
const BAR_CLEARANCE = 80;

/** Floats at the bottom while rows are selected; actions are grouped by what they act on. */
export function UnbilledActionBar(props: UnbilledActionBarProps) {
  const { selectedCount, matchingCount, allMatchingSelected, onSelectAllMatching, onClear, onSkip, onBill } = props;
  const { t } = useTranslation();
  const opened = selectedCount > 0;
  useWindowEvent('keydown', (event) => {
    if (opened && event.key === 'Escape' && !event.isComposing && !closesSomethingElse(event.target)) onClear();
  });

  return (
    <>
      {opened && <Box h={BAR_CLEARANCE} />}
      <ActionBar
        opened={opened}
        onClose={onClear}
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
            {onBill && <Menu.Item onClick={onBill}>{t('unbilled.billMatching')}</Menu.Item>}
          </Menu.Dropdown>
        </Menu>
        <ActionBar.CloseButton aria-label={t('unbilled.clearSelection')} />
      </ActionBar>
    </>
  );
}

/** Escape pressed in a dialog, a menu or an open dropdown closes that one only, not the selection. */
function closesSomethingElse(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="menu"], [aria-expanded="true"]') !== null;
}
