import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact of a DataList (a contract's or an invoice's). */
export function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
