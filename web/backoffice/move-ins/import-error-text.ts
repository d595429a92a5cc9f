import type { TFunction } from 'i18next';
import type { ImportError } from '../../api/types.js';

// The import answers its row errors in English. The ones recognised here (by their column and the
// server's wording) are translated; any other keeps the server's text.
const PATTERNS: { column?: RegExp; message: RegExp; key: string }[] = [
  { column: /^ean$/, message: /check digit/i, key: 'eanCheckDigit' },
  { column: /^ean$/, message: /18 digits/i, key: 'eanLength' },
  { column: /^ean$/, message: /starts with 54/i, key: 'eanPrefix' },
  { column: /^iban$/, message: /direct debit needs an IBAN/i, key: 'directDebitNeedsIban' },
  { column: /^iban$/, message: /not a valid IBAN/i, key: 'iban' },
  { column: /^email$/, message: /not an email/i, key: 'email' },
  { column: /^phone$/, message: /not a phone/i, key: 'phone' },
  { message: /must be a date/i, key: 'date' },
  { message: /^is required\.?$/i, key: 'required' },
  { message: /^must be one of (?<values>.+?)\.?$/i, key: 'oneOf' },
  { column: /^product_code$/, message: /^No product with the code (?<code>.+) in this organization/i, key: 'unknownProduct' },
  {
    column: /^product_code$/,
    message: /^The product (?<code>.+) is for (?<productEnergy>\w+), the row is (?<rowEnergy>\w+)/i,
    key: 'productEnergy',
  },
  { message: /overlaps row (?<row>\d+) of this file/i, key: 'overlapInFile' },
  { message: /Another contract supplies this connection point/i, key: 'overlap' },
  { message: /signature date may not lie after the move-in date/i, key: 'signatureAfterMoveIn' },
  { message: /end date may not lie before the move-in date/i, key: 'endBeforeMoveIn' },
  { message: /first advance start date may not lie before the move-in date/i, key: 'firstAdvanceBeforeMoveIn' },
  { message: /first advance start date may not lie after the contract end/i, key: 'firstAdvanceAfterEnd' },
  { message: /needs an advance frequency other than none/i, key: 'needsFrequency' },
  { message: /^must be an amount above 0/i, key: 'amount' },
  { message: /^must be a whole number of kWh/i, key: 'consumption' },
  { message: /^is longer than (?<max>\d+) characters/i, key: 'tooLong' },
];

/** The row error in the interface language where it is recognised, else as the server wrote it. */
export function importErrorText(t: TFunction, error: ImportError): string {
  for (const pattern of PATTERNS) {
    if (pattern.column && !pattern.column.test(error.column ?? '')) continue;
    const match = pattern.message.exec(error.message);
    if (match) return t(`moveInImport.errors.${pattern.key}`, { ...match.groups, defaultValue: error.message });
  }
  return error.message;
}
