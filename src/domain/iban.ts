import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** An IBAN as typed (spaces, lower case) in its electronic form, or null when it is not a valid IBAN. */
export function normalizedIban(input: string): string | null {
  const iban = electronicFormatIBAN(input);
  return iban && isValidIBAN(iban) ? iban : null;
}
