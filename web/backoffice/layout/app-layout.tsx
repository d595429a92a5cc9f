import { AppShell, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Me } from '../../api/types.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import type { Route } from '../router.js';
import { MainNavigation } from './main-navigation.js';
import { OrganizationSwitcher } from './organization-switcher.js';
import { UserMenu } from './user-menu.js';

export function AppLayout({ me, route, children }: { me: Me; route: Route; children: ReactNode }) {
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 'xs' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700}>Wattbill</Text>
            <Text size="sm" c="dimmed">
              {me.tenant.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrganizationSwitcher me={me} route={route} />
            <LanguageSwitch />
            <UserMenu user={me.user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <MainNavigation route={route} />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
