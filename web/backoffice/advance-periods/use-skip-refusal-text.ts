import { useTranslation } from 'react-i18next';

/** Why a skip was refused, in the user's language; unknown codes fall back to the server's message. */
export function useSkipRefusalText() {
  const { t } = useTranslation();
  return (code: string, serverMessage?: string) => t(`skipRefusal.${code}`, { defaultValue: serverMessage ?? code });
}
