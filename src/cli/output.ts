/** Where a command writes: lines for the record, and a progress line redrawn on a terminal. */
export type Output = { out: (line: string) => void; progress: (line: string) => void; endProgress: () => void };

export const terminal: Output = {
  out: (line) => console.log(line),
  // one line redrawn on a terminal, a line per step in a log
  progress: (line) => (process.stderr.isTTY ? process.stderr.write(`\r${line}`) : console.error(line)),
  endProgress: () => {
    if (process.stderr.isTTY) process.stderr.write('\n');
  },
};
