/** GSRN / EAN-18 of a connection point: 18 digits, the last a GS1 mod-10 check digit. */
export type EanProblem = 'length' | 'check_digit' | 'belgian_prefix';

export function gs1CheckDigit(body: string): number {
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    // weights 3,1,3,1,... from the rightmost digit of the body
    total += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (total % 10)) % 10;
}

export function eanProblem(ean: string, country: string): EanProblem | null {
  if (!/^\d{18}$/.test(ean)) return 'length';
  if (gs1CheckDigit(ean.slice(0, 17)) !== Number(ean[17])) return 'check_digit';
  if (country === 'BE' && !ean.startsWith('54')) return 'belgian_prefix';
  return null;
}

/** Completes 17 digits with their check digit. */
export function withCheckDigit(body17: string): string {
  return body17 + gs1CheckDigit(body17);
}
