import fs from 'node:fs';
import type { OrgContext } from '../app/context.js';
import { importMoveIns, type ImportResult } from '../app/import-move-ins.js';

type Output = { out: (line: string) => void; progress: (line: string) => void };

const terminal: Output = {
  out: (line) => console.log(line),
  // one line redrawn on a terminal, a line per step in a log
  progress: (line) => (process.stderr.isTTY ? process.stderr.write(`\r${line}`) : console.error(line)),
};

/** `wattbill import move-ins`: imports a file with a progress line, then lists the errors or says what was done. */
export async function importFile(ctx: OrgContext, file: string, options: { dryRun: boolean; output?: Output }): Promise<ImportResult> {
  const { dryRun, output = terminal } = options;
  const totalBytes = fs.statSync(file).size;
  const result = await importMoveIns(ctx, fs.createReadStream(file), {
    dryRun,
    onProgress: ({ rowsRead, bytesRead }) =>
      output.progress(
        `${dryRun ? 'Checking' : 'Importing'}: ${Math.floor((100 * bytesRead) / Math.max(totalBytes, 1))} % (${rowsRead} rows)`,
      ),
  });
  if (output === terminal && process.stderr.isTTY) process.stderr.write('\n');
  for (const error of result.errors) output.out(`row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
  if (result.errorCount > result.errors.length) output.out(`… and ${result.errorCount - result.errors.length} more errors.`);
  const summary = `${result.rows} rows: ${result.created} new contracts, ${result.unchanged} imported before`;
  if (result.errorCount > 0) output.out(`${summary}; ${result.errorCount} errors, nothing imported.`);
  else output.out(dryRun ? `${summary}. Dry run: nothing imported.` : `${summary}. Imported.`);
  return result;
}
