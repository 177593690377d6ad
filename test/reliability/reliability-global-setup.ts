import { rm } from 'node:fs/promises';
import { formatReport, readScenarioRows, REPORT_FILE, REPORT_FOLDER, writeReport } from './reliability-report.js';

/**
 * Clears the rows of an earlier run before the suite starts; afterwards prints the report table
 * and writes it to test-output/reliability-report.json for the README to quote.
 */
export async function setup(): Promise<() => Promise<void>> {
  await rm(REPORT_FOLDER, { recursive: true, force: true });
  return async () => {
    const rows = await readScenarioRows();
    await writeReport(rows);
    process.stdout.write(`\nReliability report (${REPORT_FILE})\n\n${formatReport(rows)}\n\n`);
  };
}
