import { parse } from 'csv-parse';

/** The file is not CSV the parser can read (a stray quote, an unclosed one...), at a line. */
export class UnreadableCsvError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

export type CsvRecord = { line: number; values: string[] };

/** Spreadsheets in Belgium write `;` between fields (the comma is the decimal sign); others write `,`. */
function delimiterOf(firstLine: string): ';' | ',' {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * The records of a CSV file as it streams in (never the whole file in memory), each with its line
 * in the file; `onBytes` follows how much has been read.
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array | string>, onBytes: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const chunks = source[Symbol.asyncIterator]();
  let first = await chunks.next();
  if (first.done) return;
  let head = Buffer.from(first.value);
  // the delimiter is read off the header line, which may span chunks
  while (!head.includes(10) && !(first = await chunks.next()).done) head = Buffer.concat([head, Buffer.from(first.value)]);
  const parser = parse({
    delimiter: delimiterOf(head.toString('utf8').split('\n')[0]!),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const feed = (async () => {
    try {
      let bytes = head.length;
      onBytes(bytes);
      if (!parser.write(head)) await new Promise((resolve) => parser.once('drain', resolve));
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        bytes += next.value.length;
        onBytes(bytes);
        if (!parser.write(next.value)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    throw new UnreadableCsvError(message, lines);
  }
  await feed;
}
