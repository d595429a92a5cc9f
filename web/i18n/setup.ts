import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

export const LANGUAGES = ['en', 'fr', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'wattbill.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** Starts i18next with the language chosen last on this browser, English otherwise. */
export async function setUpI18n(): Promise<void> {
  const stored = localStorage.getItem(STORAGE_KEY);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, nl: { translation: nl } },
    lng: isLanguage(stored) ? stored : 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
