import {
  Alert,
  Box,
  Button,
  Checkbox,
  Container,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { Energy, FieldIssue, PublicMoveInForm, PublicMoveInRequest } from '../../api/types.js';
import { isLanguage } from '../../i18n/setup.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { CalendarDateInput } from '../../ui/calendar-date-input.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import { PageLoader } from '../../ui/page-loader.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useRevealFirstError } from '../../ui/use-reveal-first-error.js';
import { api } from '../api.js';
import { CODE_INPUT_STYLES, COUNTRIES, HOUSEHOLD_SIZES } from '../move-ins/move-in-form.js';
import { compact, eanProblem, eanProblemOfMessage, isPlausibleEmail, isPlausibleIban, type EanProblem } from './identifier-checks.js';

type Values = {
  name: string;
  email: string;
  phone: string;
  line1: string;
  postalCode: string;
  city: string;
  country: string;
  ean: string;
  energy: Energy | '';
  moveInDate: string;
  meterReadingAtMoveIn: string;
  estimatedAnnualConsumptionKwh: string;
  householdSize: string;
  iban: string;
  directDebitConsent: boolean;
  website: string;
};
type Field = Exclude<keyof Values, 'website'>;
/** What is wrong with a field; translated when shown, so the messages follow a change of language. */
type Errors = Partial<Record<Field, 'required' | 'invalid' | EanProblem>>;

const EMPTY: Values = {
  name: '',
  email: '',
  phone: '',
  line1: '',
  postalCode: '',
  city: '',
  country: 'BE',
  ean: '',
  energy: '',
  moveInDate: '',
  meterReadingAtMoveIn: '',
  estimatedAnnualConsumptionKwh: '',
  householdSize: '',
  iban: '',
  directDebitConsent: false,
  website: '',
};

/** The path of each field in the request, as `validation_failed` names it. */
const FIELD_OF_PATH: Record<string, Field> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  'address.line1': 'line1',
  'address.postalCode': 'postalCode',
  'address.city': 'city',
  'address.country': 'country',
  ean: 'ean',
  energy: 'energy',
  moveInDate: 'moveInDate',
  meterReadingAtMoveIn: 'meterReadingAtMoveIn',
  estimatedAnnualConsumptionKwh: 'estimatedAnnualConsumptionKwh',
  householdSize: 'householdSize',
  iban: 'iban',
  directDebitConsent: 'directDebitConsent',
};

/** The form a person moving in fills in, without an account: it becomes a move request the supplier's staff review. */
export function PublicMoveInPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const form = useQuery({
    queryKey: ['public', 'move-in-forms', orgId],
    queryFn: () => api.publicMoveInForm(orgId),
    staleTime: Infinity,
  });
  usePageTitle(t('publicMoveIn.title'), form.data?.organizationName);

  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'sm', sm: 'xl' }}>
      <Container size={680} px={{ base: 'xs', sm: 'md' }}>
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }}>
          {form.isPending ? (
            <PageLoader />
          ) : form.isError ? (
            <UnknownForm error={form.error} />
          ) : (
            <MoveInRequestForm orgId={orgId} form={form.data} />
          )}
        </Paper>
      </Container>
    </Box>
  );
}

function Header({ organizationName }: { organizationName?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <div>
        {organizationName && (
          <Text size="sm" c="dimmed" fw={500}>
            {organizationName}
          </Text>
        )}
        <Title order={2}>{t('publicMoveIn.title')}</Title>
      </div>
      <LanguageSwitch />
    </Group>
  );
}

function UnknownForm({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Header />
      {error instanceof ApiError && error.status === 404 ? (
        <Alert color="gray" variant="light" title={t('publicMoveIn.unknownTitle')}>
          {t('publicMoveIn.unknown')}
        </Alert>
      ) : (
        <ApiErrorAlert error={error} />
      )}
    </Stack>
  );
}

function MoveInRequestForm({ orgId, form }: { orgId: string; form: PublicMoveInForm }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, energy: form.energies.length === 1 ? (form.energies[0] ?? '') : '' }));
  const [errors, setErrors] = useState<Errors>({});
  const { containerRef, reveal } = useRevealFirstError<HTMLFormElement>();
  const submit = useMutation({
    mutationFn: (body: PublicMoveInRequest) => api.submitPublicMoveIn(orgId, body),
    onSuccess: () => window.scrollTo({ top: 0 }), // the thanks replace a long form
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'validation_failed') setErrors(serverErrors(error.details));
      reveal();
    },
  });

  const set = (change: Partial<Values>) => {
    setErrors((current) => {
      const kept = { ...current };
      for (const field of Object.keys(change) as Field[]) delete kept[field];
      // Either one of them answers the question.
      if ('householdSize' in change || 'estimatedAnnualConsumptionKwh' in change) {
        delete kept.householdSize;
        delete kept.estimatedAnnualConsumptionKwh;
      }
      return kept;
    });
    setValues((current) => ({ ...current, ...change }));
  };
  const errorOf = (field: Field) => {
    const problem = errors[field];
    if (!problem) return undefined;
    if (problem === 'required') return t('publicMoveIn.required');
    return t(problem === 'invalid' ? `publicMoveIn.invalid.${field}` : `publicMoveIn.invalid.${problem}`);
  };
  const text = (field: Field, autoComplete: string) => ({
    label: t(`publicMoveIn.fields.${field}`),
    value: values[field] as string,
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
    error: errorOf(field),
    autoComplete,
  });

  /** Friendly, translated messages, whatever the server said: its own are for integrators. */
  function serverErrors(details: unknown): Errors {
    const found: Errors = {};
    for (const issue of Array.isArray(details) ? (details as FieldIssue[]) : []) {
      const field = FIELD_OF_PATH[issue.path];
      if (field) found[field] ??= (field === 'ean' && eanProblemOfMessage(issue.message)) || 'invalid';
    }
    return found;
  }

  function check(): Errors {
    const found: Errors = {};
    const required: Field[] = ['name', 'email', 'line1', 'postalCode', 'city', 'country', 'ean', 'energy', 'moveInDate', 'iban'];
    for (const field of required) if (String(values[field]).trim() === '') found[field] = 'required';
    if (!found.email && !isPlausibleEmail(values.email.trim())) found.email = 'invalid';
    const eanFault = found.ean ? null : eanProblem(compact(values.ean), values.country);
    if (eanFault) found.ean = eanFault;
    if (!found.iban && !isPlausibleIban(compact(values.iban))) found.iban = 'invalid';
    if (values.meterReadingAtMoveIn.trim() && !/^\d+([.,]\d{1,3})?$/.test(values.meterReadingAtMoveIn.trim())) {
      found.meterReadingAtMoveIn = 'invalid';
    }
    if (values.estimatedAnnualConsumptionKwh.trim() === '' && values.householdSize === '') {
      found.estimatedAnnualConsumptionKwh = 'invalid';
    }
    // No consent is fine: the customer then pays by transfer.
    return found;
  }

  function send(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    // The first field to fix, for people on a phone who can't see it.
    if (Object.keys(found).length > 0) return reveal();
    const kwh = values.estimatedAnnualConsumptionKwh.trim();
    submit.mutate({
      name: values.name.trim(),
      email: values.email.trim(),
      phone: values.phone.trim() || undefined,
      language: isLanguage(i18n.language) ? i18n.language : 'en',
      address: { line1: values.line1.trim(), postalCode: values.postalCode.trim(), city: values.city.trim(), country: values.country },
      ean: compact(values.ean),
      energy: values.energy as Energy,
      moveInDate: values.moveInDate,
      meterReadingAtMoveIn: values.meterReadingAtMoveIn.trim().replace(',', '.') || undefined,
      estimatedAnnualConsumptionKwh: kwh ? Number(kwh) : undefined,
      householdSize: !kwh && values.householdSize ? Number(values.householdSize) : undefined,
      iban: compact(values.iban),
      directDebitConsent: values.directDebitConsent,
      website: values.website,
    });
  }

  if (submit.isSuccess) return <ThankYou organizationName={form.organizationName} email={values.email.trim()} />;

  return (
    <form onSubmit={send} noValidate ref={containerRef}>
      <Stack gap="lg">
        <Stack gap="xs">
          <Header organizationName={form.organizationName} />
          <Text size="sm">{t('publicMoveIn.intro', { organization: form.organizationName })}</Text>
        </Stack>

        <Part title={t('publicMoveIn.parts.you')}>
          <TextInput {...text('name', 'name')} required />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
            <TextInput {...text('email', 'email')} type="email" inputMode="email" required />
            <TextInput {...text('phone', 'tel')} type="tel" inputMode="tel" />
          </SimpleGrid>
        </Part>

        <Part title={t('publicMoveIn.parts.address')}>
          <TextInput {...text('line1', 'address-line1')} required />
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm" verticalSpacing="sm">
            <TextInput {...text('postalCode', 'postal-code')} required />
            <TextInput {...text('city', 'address-level2')} required />
            <Select
              label={t('publicMoveIn.fields.country')}
              data={COUNTRIES.map((country) => ({ value: country, label: t(`countries.${country}`) }))}
              value={values.country}
              onChange={(country) => country && set({ country })}
              allowDeselect={false}
              required
              error={errorOf('country')}
            />
          </SimpleGrid>
        </Part>

        <Part title={t('publicMoveIn.parts.connection')}>
          <Input.Wrapper label={t('publicMoveIn.fields.energy')} required error={errorOf('energy')}>
            <SegmentedControl
              display="flex"
              mt={4}
              aria-label={t('publicMoveIn.fields.energy')}
              value={values.energy}
              onChange={(energy) => set({ energy: energy as Energy })}
              data={form.energies.map((energy) => ({ value: energy, label: t(`energy.${energy}`) }))}
            />
          </Input.Wrapper>
          <TextInput
            {...text('ean', 'off')}
            inputMode="numeric"
            required
            description={t('publicMoveIn.eanHelp')}
            styles={CODE_INPUT_STYLES}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
            <CalendarDateInput
              size="sm"
              w="100%"
              label={t('publicMoveIn.fields.moveInDate')}
              description={t('publicMoveIn.moveInDateHelp')}
              required
              value={values.moveInDate}
              onChange={(moveInDate) => set({ moveInDate })}
              error={errorOf('moveInDate')}
            />
            <TextInput {...text('meterReadingAtMoveIn', 'off')} inputMode="decimal" description={t('publicMoveIn.meterReadingHelp')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
            <NumberInput
              label={<OneOfTwo label={t('publicMoveIn.fields.estimatedAnnualConsumptionKwh')} />}
              description={t('publicMoveIn.consumptionHelp')}
              value={values.estimatedAnnualConsumptionKwh}
              onChange={(kwh) => set({ estimatedAnnualConsumptionKwh: String(kwh) })}
              allowNegative={false}
              allowDecimal={false}
              hideControls
              inputMode="numeric"
              rightSection={
                <Text size="xs" c="dimmed">
                  kWh
                </Text>
              }
              rightSectionWidth={48}
              error={errorOf('estimatedAnnualConsumptionKwh')}
            />
            <Select
              label={<OneOfTwo label={t('publicMoveIn.fields.householdSize')} />}
              description={t('publicMoveIn.householdHelp')}
              data={HOUSEHOLD_SIZES.map((size) => ({ value: String(size), label: t('moveInForm.people', { count: size }) }))}
              value={values.householdSize || null}
              onChange={(size) => set({ householdSize: size ?? '' })}
              clearable
              disabled={values.estimatedAnnualConsumptionKwh.trim() !== ''}
              error={errorOf('householdSize')}
            />
          </SimpleGrid>
        </Part>

        <Part title={t('publicMoveIn.parts.payment')}>
          <TextInput {...text('iban', 'off')} required description={t('publicMoveIn.ibanHelp')} styles={CODE_INPUT_STYLES} />
          <Checkbox
            label={t('publicMoveIn.fields.directDebitConsent', { organization: form.organizationName })}
            checked={values.directDebitConsent}
            onChange={(event) => set({ directDebitConsent: event.currentTarget.checked })}
            description={t('publicMoveIn.directDebitOptional')}
            error={errorOf('directDebitConsent')}
          />
        </Part>

        <Honeypot value={values.website} onChange={(website) => setValues((current) => ({ ...current, website }))} />

        {submit.isError && <SubmitError error={submit.error} />}
        <Button type="submit" size="md" loading={submit.isPending} fullWidth>
          {t('publicMoveIn.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('publicMoveIn.privacy', { organization: form.organizationName })}
        </Text>
      </Stack>
    </form>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={3} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * A field people never see or reach (off-screen, hidden from assistive technology, out of the tab order),
 * so it stays empty; form-filling bots fill it in, and the server drops what they send.
 */
function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
      <label htmlFor="public-move-in-website">Website</label>
      <input
        id="public-move-in-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}

function SubmitError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'validation_failed') {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('publicMoveIn.fixFields')}
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return (
      <Alert color="orange" variant="light" role="alert" data-error-code={error.code}>
        {t('publicMoveIn.rateLimited', { count: minutes })}
      </Alert>
    );
  }
  return <ApiErrorAlert error={error} />;
}

function ThankYou({ organizationName, email }: { organizationName: string; email: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="public-move-in-received">
      <Header organizationName={organizationName} />
      <Alert color="teal" variant="light" title={t('publicMoveIn.thanksTitle')}>
        <Text size="sm">{t('publicMoveIn.thanks', { organization: organizationName, email })}</Text>
      </Alert>
      <Text size="sm" c="dimmed">
        {t('publicMoveIn.thanksNext')}
      </Text>
    </Stack>
  );
}

/** Consumption or household size: either answers the question, so neither is marked required on its own. */
function OneOfTwo({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {label}{' '}
      <Text span size="xs" c="dimmed" fw={400}>
        ({t('publicMoveIn.oneOfTwo')})
      </Text>
    </>
  );
}
