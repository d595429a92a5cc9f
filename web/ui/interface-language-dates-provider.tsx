import 'dayjs/locale/fr.js';
import 'dayjs/locale/nl.js';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Date pickers name months and days in the interface language (dayjs has `en` built in). */
export function InterfaceLanguageDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language }}>{children}</DatesProvider>;
}
