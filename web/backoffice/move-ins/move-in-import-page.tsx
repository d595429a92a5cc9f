import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportResult } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { useCurrentOrganization } from '../session.js';
import { ImportColumns } from './import-columns.js';
import { importErrorText } from './import-error-text.js';

type ImportRun = { file: File; dryRun: boolean };

/** Move-ins from a CSV file: a dry run checks every row first, the import then creates them all or nothing. */
export function MoveInImportPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  const orgId = organization.id;
  usePageTitle(t('moveInImport.title'), organization.name);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const run = useMutation({
    mutationFn: ({ file, dryRun }: ImportRun) => api.importMoveIns(orgId, file, dryRun, setProgress),
    onMutate: () => setProgress(null),
    onSuccess: (result) =>
      result.committed &&
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.moveIns(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.contracts(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.unbilled(orgId) }),
      ]),
  });

  function choose(chosen: File | null) {
    setFile(chosen);
    setProgress(null);
    run.reset();
  }

  return (
    <Stack gap="sm" maw={880}>
      <div>
        <Link to={{ name: 'moveIns', params: { orgId } }} size="xs" tt="uppercase" fw={600}>
          {t('moveIns.title')}
        </Link>
        <Title order={3}>{t('moveInImport.title')}</Title>
      </div>
      <Text size="sm">
        {t('moveInImport.intro')}{' '}
        <Anchor href={api.moveInImportTemplateUrl(orgId)} download="move-ins-template.csv" size="sm">
          {t('moveInImport.template')}
        </Anchor>
      </Text>
      <Alert color="yellow" variant="light" title={t('moveInImport.anchorWarningTitle')} data-testid="import-anchor-warning">
        {t('moveInImport.anchorWarning')}
      </Alert>
      <Group gap="sm" align="flex-end">
        <FileInput
          label={t('moveInImport.file')}
          placeholder={t('moveInImport.choose')}
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          clearable
          w={360}
          disabled={run.isPending}
        />
        <Button
          variant="default"
          disabled={!file || (run.isPending && run.variables?.dryRun === false)}
          loading={run.isPending && run.variables?.dryRun === true}
          onClick={() => file && run.mutate({ file, dryRun: true })}
        >
          {t('moveInImport.check')}
        </Button>
        <Button
          disabled={!file || (run.isPending && run.variables?.dryRun === true)}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => file && run.mutate({ file, dryRun: false })}
        >
          {t('moveInImport.import')}
        </Button>
      </Group>
      {run.isPending && <ImportProgressBar progress={progress} />}
      {run.isError && <ApiErrorAlert error={run.error} />}
      {run.isSuccess && <ImportOutcome result={run.data} />}
      <ImportColumns />
    </Stack>
  );
}

function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useTranslation();
  // Without the file's size (or before the first line), the bar only says that it runs.
  const percent = progress?.totalBytes ? Math.min(100, (100 * progress.bytesRead) / progress.totalBytes) : null;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Progress value={percent ?? 100} striped={percent === null} animated aria-label={t('moveInImport.progress')} />
      <Text size="xs" c="dimmed">
        {progress
          ? percent === null
            ? t('moveInImport.rowsReadNoSize', { count: progress.rowsRead })
            : t('moveInImport.rowsRead', { count: progress.rowsRead, percent: Math.round(percent) })
          : t('moveInImport.uploading')}
      </Text>
    </Stack>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.errorCount > 0) {
    return (
      <Stack gap="xs" data-testid="import-errors">
        <Alert color="red" variant="light" title={t('moveInImport.errorsTitle', { count: result.errorCount })}>
          {result.dryRun ? t('moveInImport.errorsDryRun') : t('moveInImport.errorsNothingImported')}
          {result.errors.length < result.errorCount && ` ${t('moveInImport.firstErrors', { count: result.errors.length })}`}
        </Alert>
        <Table.ScrollContainer minWidth={600}>
          <Table fz="sm" verticalSpacing={4} horizontalSpacing={8} withTableBorder striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('moveInImport.row')}</Table.Th>
                <Table.Th w={200}>{t('moveInImport.column')}</Table.Th>
                <Table.Th>{t('moveInImport.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((error, i) => (
                <Table.Tr key={i} data-testid="import-error" data-row={error.row} data-column={error.column ?? ''}>
                  <Table.Td>{error.row}</Table.Td>
                  <Table.Td ff="monospace">{error.column ?? '—'}</Table.Td>
                  <Table.Td>{importErrorText(t, error)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  }
  if (result.dryRun) {
    return (
      <Alert color="blue" variant="light" title={t('moveInImport.checkedTitle')} data-testid="import-summary">
        {t('moveInImport.ready', { count: result.created })} {t('moveInImport.alreadyImported', { count: result.unchanged })}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" title={t('moveInImport.importedTitle')} data-testid="import-summary">
      {t('moveInImport.created', { count: result.created })} {t('moveInImport.unchanged', { count: result.unchanged })}
    </Alert>
  );
}
