// Checks of what people type into the public form, so a typo gets a friendly message before anything is sent.
// The server checks the same (and more); these only spare a round trip.

/** An EAN-18 (GSRN) of a connection point: 18 digits, the last a GS1 mod-10 check digit. */
export function isPlausibleEan(ean: string): boolean {
  return eanProblem(ean, null) === null;
}

export type EanProblem = 'eanLength' | 'eanCheckDigit' | 'eanPrefix';

/** What is wrong with an EAN, so people know what to look at; a Belgian one starts with 54. */
export function eanProblem(ean: string, country: string | null): EanProblem | null {
  if (!/^\d{18}$/.test(ean)) return 'eanLength';
  if (country === 'BE' && !ean.startsWith('54')) return 'eanPrefix';
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(ean[16 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (total % 10)) % 10 === Number(ean[17]) ? null : 'eanCheckDigit';
}

/** The EAN problem a server message names (`The EAN check digit is wrong.`), if any. */
export function eanProblemOfMessage(message: string): EanProblem | null {
  if (/check digit/i.test(message)) return 'eanCheckDigit';
  if (/starts with 54/i.test(message)) return 'eanPrefix';
  if (/18 digits/i.test(message)) return 'eanLength';
  return null;
}

/** An IBAN with a valid mod-97 check (ISO 13616). */
export function isPlausibleIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** Without spaces, as people copy them from a bill (`5414 4800 …`, `BE68 5390 …`). */
export const compact = (text: string) => text.replace(/\s/g, '').toUpperCase();
