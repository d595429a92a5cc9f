import {
  Button,
  Checkbox,
  Fieldset,
  FileInput,
  Grid,
  Group,
  Image,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationSettings } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api, queryClient } from '../api.js';
import { useSettings } from '../billing-runs/billing-run-queries.js';
import { queryKeys } from '../query-keys.js';
import { useCan, useCurrentOrganization } from '../session.js';

const MAX_LOGO_BYTES = 500 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg'];

export function SettingsPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  usePageTitle(t('settings.title'), organization.name);
  const settings = useSettings();
  return (
    <Stack gap="sm" maw={880}>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {organization.name}
        </Text>
        <Title order={3}>{t('settings.title')}</Title>
      </div>
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ApiErrorAlert error={settings.error} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Stack>
  );
}

const blankToNull = (text: string | null) => (text === null || text.trim() === '' ? null : text.trim());

function SettingsForm({ initial }: { initial: OrganizationSettings }) {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const canUpdate = useCan('settings', 'update');
  const [values, setValues] = useState(initial);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [logoFile, setLogoFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: (next: OrganizationSettings) =>
      api.updateSettings(orgId, {
        invoicing: next.invoicing,
        supplier: {
          ...next.supplier,
          vatNumber: blankToNull(next.supplier.vatNumber),
          companyNumber: blankToNull(next.supplier.companyNumber),
          iban: blankToNull(next.supplier.iban),
          bic: blankToNull(next.supplier.bic),
          email: blankToNull(next.supplier.email),
          phone: blankToNull(next.supplier.phone),
        },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings(orgId), saved);
      setValues(saved);
      notifications.show({ color: 'green', message: t('settings.saved') });
    },
  });
  const invoicing = values.invoicing;
  const supplier = values.supplier;
  const setInvoicing = (change: Partial<OrganizationSettings['invoicing']>) =>
    setValues({ ...values, invoicing: { ...invoicing, ...change } });
  const setSupplier = (change: Partial<OrganizationSettings['supplier']>) => setValues({ ...values, supplier: { ...supplier, ...change } });
  const text = (field: 'legalName' | 'vatNumber' | 'companyNumber' | 'iban' | 'bic' | 'email' | 'phone') => ({
    label: t(`settings.supplier.${field}`),
    value: supplier[field] ?? '',
    onChange: (event: { currentTarget: { value: string } }) => setSupplier({ [field]: event.currentTarget.value }),
  });
  const address = (field: 'line1' | 'postalCode' | 'city' | 'country') => ({
    label: t(`settings.supplier.address.${field}`),
    value: supplier.address[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      setSupplier({ address: { ...supplier.address, [field]: event.currentTarget.value } }),
  });
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  function chooseLogo(file: File | null) {
    setLogoFile(file);
    setLogoError(null);
    if (!file) return setSupplier({ logo: null });
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(t('settings.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLogoError(t('settings.logoSize'));
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === 'string' && setSupplier({ logo: reader.result });
    reader.readAsDataURL(file);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(values);
  }

  return (
    // Without the right to change them, the settings stay readable rather than greyed out.
    <form onSubmit={submit} noValidate data-testid="settings-form" className={canUpdate ? undefined : 'read-only-form'}>
      <Stack gap="md">
        <Fieldset legend={t('settings.invoicing')} disabled={!canUpdate} variant="filled" p="sm" pt={4}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('settings.numberPrefix')}
              description={t('settings.numberPrefixHelp')}
              value={invoicing.numberPrefix}
              onChange={(event) => setInvoicing({ numberPrefix: event.currentTarget.value })}
            />
            <NumberInput
              label={t('settings.paymentTermDays')}
              value={invoicing.paymentTermDays}
              onChange={(days) => setInvoicing({ paymentTermDays: Number(days) || 0 })}
              min={0}
              max={365}
              allowDecimal={false}
            />
            <NumberInput
              label={t('settings.advanceRunDayOfMonth')}
              description={t('settings.advanceRunDayOfMonthHelp')}
              value={invoicing.advanceRunDayOfMonth ?? ''}
              onChange={(day) => setInvoicing({ advanceRunDayOfMonth: day === '' ? null : Number(day) })}
              min={1}
              max={28}
              allowDecimal={false}
            />
          </SimpleGrid>
          <Stack gap="xs" mt="sm">
            <Checkbox
              label={t('settings.numberWithYear')}
              checked={invoicing.numberWithYear}
              onChange={(event) => setInvoicing({ numberWithYear: event.currentTarget.checked })}
            />
            <Checkbox
              label={t('settings.finalizeInRun')}
              checked={invoicing.finalizeInRun}
              onChange={(event) => setInvoicing({ finalizeInRun: event.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settings.supplierTitle')} disabled={!canUpdate} variant="filled" p="sm" pt={4}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput {...text('legalName')} required />
            <TextInput {...text('vatNumber')} />
            <TextInput {...text('companyNumber')} />
            <TextInput {...text('email')} type="email" />
            <TextInput {...text('phone')} type="tel" />
            <TextInput {...text('iban')} />
            <TextInput {...text('bic')} />
          </SimpleGrid>
          <Grid columnGap="sm" rowGap="xs" mt="xs">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput {...address('line1')} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <TextInput {...address('postalCode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 3 }}>
              <TextInput {...address('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 1 }}>
              <TextInput {...address('country')} maxLength={2} />
            </Grid.Col>
          </Grid>
          <Group mt="sm" align="flex-end" gap="md">
            <FileInput
              label={t('settings.logo')}
              description={t('settings.logoHelp')}
              placeholder={t('settings.chooseLogo')}
              accept="image/png,image/jpeg"
              value={logoFile}
              onChange={chooseLogo}
              error={logoError}
              w={320}
            />
            {supplier.logo && (
              <Group gap="xs" align="center">
                <Image src={supplier.logo} alt={t('settings.logo')} h={48} w="auto" fit="contain" data-testid="logo-preview" />
                {canUpdate && (
                  <Button variant="subtle" size="xs" color="red" onClick={() => chooseLogo(null)}>
                    {t('settings.removeLogo')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        </Fieldset>

        {save.isError && <ApiErrorAlert error={save.error} />}
        {canUpdate && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
