/**
 * Belgian structured payment reference (+++123/4567/89002+++): 10 digits and a
 * 2-digit mod-97 check, 97 when the remainder is 0.
 */
export function structuredCommunication(tenDigits: string): string {
  if (!/^\d{10}$/.test(tenDigits)) throw new RangeError('a structured communication takes 10 digits');
  const remainder = Number(BigInt(tenDigits) % 97n);
  const digits = tenDigits + String(remainder === 0 ? 97 : remainder).padStart(2, '0');
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

export function isValidStructuredCommunication(value: string): boolean {
  const m = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(value);
  if (!m) return false;
  const digits = m[1]! + m[2]! + m[3]!;
  return structuredCommunication(digits.slice(0, 10)) === value;
}
