import { Code, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useCurrentOrganization } from '../session.js';

/** The columns of the import, read from the template itself so the list never drifts from what the server expects. */
export function ImportColumns() {
  const { t } = useTranslation();
  const orgId = useCurrentOrganization().id;
  const template = useQuery({
    queryKey: ['orgs', orgId, 'move-ins', 'import-template'],
    queryFn: () => api.moveInImportTemplate(orgId),
    staleTime: Infinity,
  });
  const [header = '', example = ''] = template.data?.split(/\r?\n/) ?? [];
  const columns = splitCsvLine(header);
  const examples = splitCsvLine(example);
  if (columns.length === 0) return null;

  return (
    <div data-testid="import-columns">
      <Title order={5} mt="md" mb={4}>
        {t('moveInImport.columnsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('moveInImport.columnsIntro')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table fz="sm" verticalSpacing={4} horizontalSpacing={8} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('moveInImport.column')}</Table.Th>
              <Table.Th>{t('moveInImport.meaning')}</Table.Th>
              <Table.Th>{t('moveInImport.example')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, i) => (
              <Table.Tr key={column}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Code>{column}</Code>
                </Table.Td>
                <Table.Td>{t(`moveInImport.columns.${column}`, { defaultValue: '' })}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {examples[i]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

/** One CSV line into its fields, with quoted fields (`"a, b"`, `""` for a quote); separators `,` or `;`. */
function splitCsvLine(line: string): string[] {
  const text = line.replace(/^\uFEFF/, '');
  if (text.trim() === '') return [];
  const separator = text.includes(';') && !text.includes(',') ? ';' : ',';
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === separator) {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}
