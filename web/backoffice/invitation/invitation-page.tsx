import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api, queryClient } from '../api.js';
import { navigate } from '../router.js';

const MIN_PASSWORD_LENGTH = 10;

/** An unknown, used or expired token: the server's code may name the invitation or simply answer 404/410. */
function isInvalidInvitation(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 410 || error.code.includes('invitation'));
}

/** Where an invited user chooses a password; the server answers like a login, so they are signed in right away. */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token, password),
    onSuccess: () => {
      // Whoever was signed in on this browser before is not who is now.
      queryClient.clear();
      navigate({ name: 'home', params: {} });
    },
  });

  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = password !== repeated;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!tooShort && !mismatch) accept.mutate();
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="xs" p="xl" w={400}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={3}>Wattbill</Title>
              <LanguageSwitch />
            </Group>
            <Stack gap={4}>
              <Text fw={600}>{t('invitation.title')}</Text>
              <Text size="sm" c="dimmed">
                {t('invitation.intro', { count: MIN_PASSWORD_LENGTH })}
              </Text>
            </Stack>
            <PasswordInput
              label={t('invitation.password')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={submitted && tooShort ? t('invitation.tooShort', { count: MIN_PASSWORD_LENGTH }) : undefined}
              data-autofocus
            />
            <PasswordInput
              label={t('invitation.repeat')}
              autoComplete="new-password"
              required
              value={repeated}
              onChange={(event) => setRepeated(event.currentTarget.value)}
              error={submitted && !tooShort && mismatch ? t('invitation.mismatch') : undefined}
            />
            {accept.isError &&
              (isInvalidInvitation(accept.error) ? (
                <Alert color="red" variant="light" role="alert" title={t('invitation.invalidTitle')}>
                  {t('invitation.invalid')}
                </Alert>
              ) : (
                <ApiErrorAlert error={accept.error} />
              ))}
            <Button type="submit" loading={accept.isPending} fullWidth>
              {t('invitation.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
