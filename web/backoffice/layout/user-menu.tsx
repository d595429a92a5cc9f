import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { navigate } from '../router.js';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();

  async function logOut() {
    // The session is gone for us either way; a failed logout call must not keep the user signed in here.
    await api.logout().catch(() => undefined);
    queryClient.clear();
    navigate({ name: 'login', params: {} });
  }

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="xs">
          {user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs">{user.email}</Text>
        </Menu.Label>
        <Menu.Item onClick={() => void logOut()}>{t('header.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
