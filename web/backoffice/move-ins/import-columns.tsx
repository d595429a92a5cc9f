import { Badge, Code, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useCurrentOrganization } from '../session.js';
import { useProducts } from './move-in-queries.js';

/** The columns of the import as the server names them, and the product codes a file may use. */
export function ImportColumns() {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const columns = useQuery({
    queryKey: ['orgs', orgId, 'move-ins', 'import-columns'],
    queryFn: () => api.moveInImportColumns(orgId),
    select: (answer) => answer.items,
    staleTime: Infinity,
  });
  const products = useProducts();
  if (!columns.data) return null;

  return (
    <div data-testid="import-columns">
      <Title order={4} mt="md" mb={4}>
        {t('moveInImport.columnsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('moveInImport.columnsIntro')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={8} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={280}>{t('moveInImport.column')}</Table.Th>
              <Table.Th>{t('moveInImport.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.data.map((column) => (
              <Table.Tr key={column.name}>
                <Table.Td style={{ whiteSpace: 'nowrap' }} valign="top">
                  <Code>{column.name}</Code>
                  {column.required && (
                    <Badge size="xs" variant="light" color="gray" ml={6}>
                      {t('moveInImport.required')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`moveInImport.columns.${column.name}`, { defaultValue: column.help })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {products.data && products.data.length > 0 && (
        <>
          <Title order={5} mt="md" mb={4}>
            {t('moveInImport.productCodes')}
          </Title>
          <Table fz="sm" verticalSpacing={2} horizontalSpacing={8} withTableBorder data-testid="import-product-codes">
            <Table.Tbody>
              {products.data.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code>{product.code}</Code>
                  </Table.Td>
                  <Table.Td>{product.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </div>
  );
}
