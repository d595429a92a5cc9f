/** Text that PostgreSQL text and jsonb can store: no U+0000, and no unpaired surrogate (UTF-8 can't encode one). */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}
