import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser, Role } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { useCreateUser } from './admin-queries.js';
import { MembershipFields, membershipsOf, roleChoicesOf, type RoleChoices } from './membership-fields.js';
import { useManagedOrganizations } from './use-managed-organizations.js';

type AddUserModalProps = { opened: boolean; roles: Role[]; onClose: () => void };

export function AddUserModal({ opened, roles, onClose }: AddUserModalProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedUser | null>(null);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      // The link stays while the modal fades out; the next opening starts with an empty form.
      onExitTransitionEnd={() => setCreated(null)}
      title={created ? t('users.addedTitle') : t('users.add')}
      size="md"
    >
      {created?.invitationUrl ? (
        <InvitationLink user={created} invitationUrl={created.invitationUrl} onDone={onClose} />
      ) : (
        <AddUserForm
          roles={roles}
          onCancel={onClose}
          onCreated={(user) => {
            if (user.invitationUrl) return setCreated(user);
            notifications.show({ color: 'green', message: t('users.added', { name: user.name }) });
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

// Mounted per opening, so every field starts empty.
function AddUserForm({ roles, onCancel, onCreated }: { roles: Role[]; onCancel: () => void; onCreated: (user: CreatedUser) => void }) {
  const { t } = useTranslation();
  const organizations = useManagedOrganizations('create');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [choices, setChoices] = useState<RoleChoices>(() => roleChoicesOf(organizations, []));
  const create = useCreateUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: name.trim(), email: email.trim(), memberships: membershipsOf(choices) }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t('users.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
        <TextInput label={t('users.email')} type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('users.rolePerOrganization')}
          </Text>
          <MembershipFields organizations={organizations} roles={roles} value={choices} onChange={setChoices} />
        </Stack>
        {create.isError && <ApiErrorAlert error={create.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The link the new user opens to choose a password; the admin sends it to them. */
function InvitationLink({ user, invitationUrl, onDone }: { user: CreatedUser; invitationUrl: string; onDone: () => void }) {
  const { t } = useTranslation();
  const url = new URL(invitationUrl, window.location.href).href;
  return (
    <Stack gap="md">
      <Alert color="green" variant="light">
        {t('users.invitationIntro', { name: user.name, email: user.email })}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          label={t('users.invitationLink')}
          value={url}
          readOnly
          flex={1}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="invitation-link"
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} miw={110}>
              {copied ? t('users.copied') : t('users.copyLink')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
