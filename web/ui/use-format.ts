import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatPeriod } from './format.js';

/** The formatters bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    money: (amount: string) => formatMoney(amount, language),
    date: (date: string) => formatDate(date, language),
    dateTime: (instant: string) => formatDateTime(instant, language),
    period: (startDate: string, endDate: string) => formatPeriod(startDate, endDate, language),
  };
}
