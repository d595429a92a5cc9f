import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api, queryClient } from '../api.js';
import { navigate } from '../router.js';
import { ME_QUERY_KEY } from '../session.js';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.submit'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.login(email, password),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      navigate({ name: 'home', params: {} });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate();
  }

  const wrongCredentials = login.error instanceof ApiError && login.error.status === 401;

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="xs" p="xl" w={360}>
        <form onSubmit={submit}>
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={3}>Wattbill</Title>
              <LanguageSwitch />
            </Group>
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {wrongCredentials ? (
              <Alert color="red" variant="light" role="alert">
                {t('login.wrongCredentials')}
              </Alert>
            ) : (
              login.error && <ApiErrorAlert error={login.error} />
            )}
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
