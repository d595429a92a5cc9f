import { useFormat } from './use-format.js';

/** An EUR amount; put it in a right-aligned cell of a table with tabular numbers. */
export function Money({ amount }: { amount: string }) {
  const format = useFormat();
  return <span style={{ whiteSpace: 'nowrap' }}>{format.money(amount)}</span>;
}
