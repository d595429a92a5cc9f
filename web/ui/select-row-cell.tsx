import { Checkbox, Table } from '@mantine/core';

/** The first cell of a row that can be selected: a checkbox named after the row. */
export function SelectRowCell({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: () => void }) {
  return (
    <Table.Td>
      <Checkbox size="xs" aria-label={label} checked={checked} onChange={onToggle} />
    </Table.Td>
  );
}
