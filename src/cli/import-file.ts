import fs from 'node:fs';
import type { OrgContext } from '../app/context.js';
import { importMoveIns, type ImportResult } from '../app/import-move-ins.js';

import { DomainError } from '../domain/domain-error.js';
import { terminal, type Output } from './output.js';

/** `wattbill import move-ins`: imports a file with a progress line, then lists the errors or says what was done. */
export async function importFile(ctx: OrgContext, file: string, options: { dryRun: boolean; output?: Output }): Promise<ImportResult> {
  const { dryRun, output = terminal } = options;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new DomainError('not_found', `No file ${file}.`);
  const totalBytes = fs.statSync(file).size;
  const result = await importMoveIns(ctx, fs.createReadStream(file), {
    dryRun,
    onProgress: ({ rowsRead, bytesRead }) =>
      output.progress(
        `${dryRun ? 'Checking' : 'Importing'}: ${Math.floor((100 * bytesRead) / Math.max(totalBytes, 1))} % (${rowsRead} rows)`,
      ),
  });
  output.endProgress();
  for (const error of result.errors) output.out(`row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
  if (result.errorCount > result.errors.length) output.out(`… and ${result.errorCount - result.errors.length} more errors.`);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const summary = `${count(result.rows, 'row', 'rows')}: ${count(result.created, 'new contract', 'new contracts')}, ${result.unchanged} imported before`;
  if (result.errorCount > 0) output.out(`${summary}; ${count(result.errorCount, 'error', 'errors')}, nothing imported.`);
  else if (dryRun) output.out(`${summary}. Dry run: nothing imported.`);
  else output.out(result.created > 0 ? `${summary}. Imported.` : `${summary}. Nothing new to import.`);
  return result;
}
