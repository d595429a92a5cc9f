import { Anchor, Checkbox, Fieldset, Grid, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvanceFrequency, AdvanceProposal, Energy, Language } from '../../api/types.js';
import { CalendarDateInput } from '../../ui/calendar-date-input.js';
import { useFormat } from '../../ui/use-format.js';
import { useProducts } from './move-in-queries.js';
import {
  dateOrderErrors,
  hasAdvances,
  isFormMessage,
  type FieldErrors,
  type MoveInField,
  type MoveInFormValues,
} from './move-in-form-values.js';

export const ENERGIES: Energy[] = ['electricity', 'gas', 'heat'];
export const COUNTRIES = ['BE', 'NL', 'LU', 'FR', 'DE'];
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', nl: 'Nederlands' };
const FREQUENCIES: AdvanceFrequency[] = ['none', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual'];
export const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
/** Codes (EAN, IBAN) are read digit by digit: monospace in the input, not in its label. */
export const CODE_INPUT_STYLES = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

type MoveInFormProps = {
  values: MoveInFormValues;
  onChange: (values: MoveInFormValues) => void;
  errors: FieldErrors;
  proposal: AdvanceProposal | undefined;
  /** A manual move-in makes its contract at once, so the contract fields are required; a move request gets them later. */
  requireContractFields: boolean;
  readOnly?: boolean;
};

/** Customer, connection point, move-in, contract and payment of a move-in, as staff enter or complete them. */
export function MoveInForm({ values, onChange, errors, proposal, requireContractFields, readOnly = false }: MoveInFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const products = useProducts();
  const set = (change: Partial<MoveInFormValues>) => onChange({ ...values, ...change });
  // Date order is checked as soon as both dates are there; a message of the form is a translation key.
  const shownErrors: FieldErrors = { ...dateOrderErrors(values), ...errors };
  const errorOf = (field: MoveInField) => {
    const error = shownErrors[field];
    return error !== undefined && isFormMessage(error) ? t(error) : error;
  };
  const text = (field: MoveInField & keyof MoveInFormValues) => ({
    label: t(`moveInForm.${field}`),
    value: values[field] as string,
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
    error: errorOf(field),
  });
  const advances = hasAdvances(values.advanceFrequency);
  const productChoices = (products.data ?? []).filter((p) => p.energy === values.energy).map((p) => ({ value: p.id, label: p.name }));
  const shownAmount = values.advanceAmountEdited ? values.advanceAmount : (proposal?.advanceAmount ?? '');
  const estimatedFromHousehold =
    values.estimatedAnnualConsumptionKwh.trim() === '' && values.householdSize !== '' ? proposal?.estimatedAnnualConsumptionKwh : undefined;

  function changeEnergy(energy: Energy) {
    const productStillFits = products.data?.some((p) => p.id === values.productId && p.energy === energy);
    set({ energy, productId: productStillFits ? values.productId : '' });
  }

  return (
    <Stack gap="md" maw={880} data-testid="move-in-form" className={readOnly ? 'read-only-form' : undefined}>
      <Section legend={t('moveInForm.sections.customer')} disabled={readOnly}>
        {values.existingCustomerId ? (
          <Text size="sm" c="dimmed">
            {t('moveInForm.existingCustomer', { id: values.existingCustomerId })}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput {...text('customerName')} required autoComplete="off" />
            <TextInput {...text('email')} type="email" autoComplete="off" />
            <TextInput {...text('phone')} type="tel" autoComplete="off" />
            <Select
              label={t('moveInForm.language')}
              data={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))}
              value={values.language || null}
              onChange={(language) => set({ language: (language ?? '') as Language | '' })}
              clearable
              error={errorOf('language')}
            />
            <TextInput {...text('vatNumber')} placeholder="BE0123456789" autoComplete="off" />
          </SimpleGrid>
        )}
      </Section>

      <Section legend={t('moveInForm.sections.connection')} disabled={readOnly}>
        <Grid columnGap="sm" rowGap="xs">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('ean')} required styles={CODE_INPUT_STYLES} placeholder="541234567890123456" autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('moveInForm.energy')}
              required
              data={ENERGIES.map((energy) => ({ value: energy, label: t(`energy.${energy}`) }))}
              value={values.energy}
              onChange={(energy) => energy && changeEnergy(energy as Energy)}
              allowDeselect={false}
              error={errorOf('energy')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput {...text('line1')} required autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}>
            <TextInput {...text('postalCode')} required autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 2.5 }}>
            <TextInput {...text('city')} required autoComplete="off" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 1.5 }}>
            <Select
              label={t('moveInForm.country')}
              required
              data={COUNTRIES}
              value={values.country}
              onChange={(country) => country && set({ country })}
              allowDeselect={false}
              error={errorOf('country')}
            />
          </Grid.Col>
        </Grid>
      </Section>

      <Section legend={t('moveInForm.sections.moveIn')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <CalendarDateInput
            size="sm"
            w="100%"
            label={t('moveInForm.moveInDate')}
            required
            value={values.moveInDate}
            onChange={(moveInDate) => set({ moveInDate })}
            error={errorOf('moveInDate')}
            disabled={readOnly}
          />
          <CalendarDateInput
            size="sm"
            w="100%"
            label={t('moveInForm.signatureDate')}
            required={requireContractFields}
            value={values.signatureDate}
            onChange={(signatureDate) => set({ signatureDate })}
            error={errorOf('signatureDate')}
            disabled={readOnly}
          />
          <TextInput {...text('meterReadingAtMoveIn')} inputMode="decimal" rightSection={<Unit>kWh</Unit>} rightSectionWidth={48} />
          <div />
          <NumberInput
            label={t('moveInForm.estimatedAnnualConsumptionKwh')}
            required={requireContractFields && values.householdSize === ''}
            value={values.estimatedAnnualConsumptionKwh}
            onChange={(kwh) => set({ estimatedAnnualConsumptionKwh: String(kwh) })}
            allowNegative={false}
            allowDecimal={false}
            hideControls
            rightSection={<Unit>kWh</Unit>}
            rightSectionWidth={48}
            description={
              estimatedFromHousehold !== undefined ? t('moveInForm.estimatedFromHousehold', { value: estimatedFromHousehold }) : undefined
            }
            error={errorOf('estimatedAnnualConsumptionKwh')}
          />
          <Select
            label={t('moveInForm.householdSize')}
            description={t('moveInForm.householdSizeHelp')}
            data={HOUSEHOLD_SIZES.map((size) => ({ value: String(size), label: t('moveInForm.people', { count: size }) }))}
            value={values.householdSize || null}
            onChange={(size) => set({ householdSize: size ?? '' })}
            clearable
            disabled={readOnly || values.estimatedAnnualConsumptionKwh.trim() !== ''}
            error={errorOf('householdSize')}
          />
        </SimpleGrid>
      </Section>

      <Section legend={t('moveInForm.sections.contract')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('moveInForm.productId')}
            required={requireContractFields}
            data={productChoices}
            value={values.productId || null}
            onChange={(productId) => set({ productId: productId ?? '' })}
            searchable
            nothingFoundMessage={t('moveInForm.noProduct')}
            placeholder={products.isPending ? t('moveInForm.loadingProducts') : undefined}
            error={errorOf('productId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('moveInForm.advanceFrequency')}
            required={requireContractFields}
            data={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`advanceFrequency.${frequency}`) }))}
            value={values.advanceFrequency || null}
            onChange={(frequency) => set({ advanceFrequency: (frequency ?? '') as AdvanceFrequency | '' })}
            error={errorOf('advanceFrequency')}
          />
          {advances && (
            <TextInput
              label={t('moveInForm.advanceAmount')}
              inputMode="decimal"
              leftSection={<Unit>€</Unit>}
              value={shownAmount}
              onChange={(event) => set({ advanceAmount: event.currentTarget.value, advanceAmountEdited: true })}
              description={
                !readOnly && (
                  <ProposalNote
                    proposed={proposal?.advanceAmount ?? null}
                    edited={values.advanceAmountEdited && shownAmount !== proposal?.advanceAmount}
                    onUse={() => set({ advanceAmount: '', advanceAmountEdited: false })}
                    format={(amount) =>
                      `${format.money(amount)} ${t(`advancePer.${values.advanceFrequency as Exclude<AdvanceFrequency, 'none'>}`)}`
                    }
                  />
                )
              }
              error={errorOf('advanceAmount')}
            />
          )}
          <CalendarDateInput
            size="sm"
            w="100%"
            label={t('moveInForm.endDate')}
            description={t('moveInForm.endDateHelp')}
            value={values.endDate}
            minDate={values.moveInDate || undefined}
            onChange={(endDate) => set({ endDate })}
            error={errorOf('endDate')}
            disabled={readOnly}
          />
          {/* The last of the advance fields: most move-ins keep the schedule on the signature date, so this one is the exception. */}
          {advances && (
            <CalendarDateInput
              size="sm"
              w="100%"
              label={t('moveInForm.firstAdvanceStartDate')}
              description={t('moveInForm.firstAdvanceStartDateHelp')}
              value={values.firstAdvanceStartDate}
              minDate={values.moveInDate || undefined}
              maxDate={values.endDate || undefined}
              onChange={(firstAdvanceStartDate) => set({ firstAdvanceStartDate })}
              error={errorOf('firstAdvanceStartDate')}
              disabled={readOnly}
            />
          )}
        </SimpleGrid>
      </Section>

      <Section legend={t('moveInForm.sections.payment')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput {...text('iban')} styles={CODE_INPUT_STYLES} placeholder="BE68 5390 0754 7034" autoComplete="off" />
        </SimpleGrid>
        <Checkbox
          mt="sm"
          label={t('moveInForm.directDebitConsent')}
          checked={values.directDebitConsent}
          onChange={(event) => set({ directDebitConsent: event.currentTarget.checked })}
          error={errorOf('directDebitConsent')}
        />
      </Section>
    </Stack>
  );
}

function Section({ legend, disabled, children }: { legend: string; disabled: boolean; children: ReactNode }) {
  return (
    <Fieldset legend={legend} disabled={disabled} variant="filled" p="sm" pt={4}>
      {children}
    </Fieldset>
  );
}

function Unit({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

type ProposalNoteProps = {
  proposed: string | null;
  edited: boolean;
  onUse: () => void;
  format: (amount: string) => string;
};

/** The proposal beside the amount: the staff may change it, and take it back with one click. */
function ProposalNote({ proposed, edited, onUse, format }: ProposalNoteProps) {
  const { t } = useTranslation();
  if (proposed === null) return t('moveInForm.noProposal');
  if (!edited) return t('moveInForm.proposalApplied');
  return (
    <span data-testid="advance-proposal">
      {t('moveInForm.proposal', { amount: format(proposed) })}
      {' · '}
      <Anchor component="button" type="button" size="xs" onClick={onUse}>
        {t('moveInForm.useProposal')}
      </Anchor>
    </span>
  );
}
