import { Anchor, Button, CopyButton, Group, Paper, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { absoluteUrlOf } from '../router.js';
import { useCurrentOrganization } from '../session.js';

/** The address of the organization's public move-in form, to put on its website or send to people moving in. */
export function PublicFormLink() {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const url = absoluteUrlOf({ name: 'publicMoveIn', params: { orgId } });
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="public-form-link">
      <Group gap="sm" wrap="nowrap" align="center">
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {t('moveIns.publicForm')}
        </Text>
        <TextInput
          size="xs"
          flex={1}
          miw={0}
          readOnly
          value={url}
          aria-label={t('moveIns.publicFormUrl')}
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} miw={90}>
              {copied ? t('users.copied') : t('moveIns.copyUrl')}
            </Button>
          )}
        </CopyButton>
        <Anchor href={url} target="_blank" size="xs" style={{ whiteSpace: 'nowrap' }}>
          {t('moveIns.openPublicForm')}
        </Anchor>
      </Group>
    </Paper>
  );
}
