import { useEffect } from 'react';

const APP_NAME = 'Wattbill';

/** The browser tab's title, most specific part first: `Unbilled · Wattbill Energie Vlaanderen · Wattbill`. */
export function usePageTitle(...parts: (string | undefined)[]): void {
  const title = [...parts.filter((part) => part !== undefined), APP_NAME].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
