import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

// Day first in every interface language, as the app writes dates; a day and month may be typed without their zero.
const SHOWN_FORMAT = 'DD/MM/YYYY';
const TYPED_FORMATS = [SHOWN_FORMAT, 'D/M/YYYY'];

function parseTypedDate(text: string): string | null {
  const date = dayjs(text.trim(), TYPED_FORMATS, true);
  return date.isValid() ? date.format('YYYY-MM-DD') : null;
}

type CalendarDateInputProps = {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (date: string) => void;
  minDate?: string;
  maxDate?: string;
  /** Forms use the regular size; filters keep the dense default. */
  size?: 'xs' | 'sm';
  w?: number | string;
  required?: boolean;
  disabled?: boolean;
  description?: string;
  error?: string | undefined;
};

/**
 * A calendar date typed as 31/12/2026 or picked in a calendar that speaks the interface language.
 * `minDate` and `maxDate` only grey out the calendar's days: a typed date outside them stays as typed,
 * so that the form can say what is wrong with it (Mantine's own bounds would erase it on blur).
 */
export function CalendarDateInput({ label, value, onChange, minDate, maxDate, size = 'xs', w = 140, ...field }: CalendarDateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      {...field}
      size={size}
      w={w}
      label={label}
      placeholder={t('common.datePlaceholder')}
      valueFormat={SHOWN_FORMAT}
      dateParser={parseTypedDate}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      value={value || null}
      onChange={(date) => onChange(date ?? '')}
      excludeDate={
        minDate || maxDate ? (day) => (minDate !== undefined && day < minDate) || (maxDate !== undefined && day > maxDate) : undefined
      }
      // Enter picks the typed date; it must not submit the form around the field.
      onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
    />
  );
}
