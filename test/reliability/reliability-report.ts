import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where each scenario leaves its row, and where the suite's table goes as JSON (test-output/ is not committed). */
export const REPORT_FOLDER = path.join(import.meta.dirname, '../../test-output/reliability');
export const REPORT_FILE = path.join(import.meta.dirname, '../../test-output/reliability-report.json');

export interface ScenarioRow {
  readonly scenario: string;
  /** Checks of this kind run: runs driven, properties' generated cases, requests sent. */
  readonly scenariosRun: number;
  readonly faultsInjected: number;
  readonly runsCompleted: number;
  readonly sideEffectsDoubled: number;
  readonly approvalsLost: number;
  readonly crashes: number;
  /** Measured figures worth quoting (throughput, latency, connections, memory). */
  readonly figures?: Readonly<Record<string, number | string>>;
}

/** Each test file runs in its own process: a row goes through a file, and the teardown gathers them. */
export async function recordScenario(row: ScenarioRow): Promise<void> {
  await mkdir(REPORT_FOLDER, { recursive: true });
  await writeFile(path.join(REPORT_FOLDER, `${row.scenario}.json`), `${JSON.stringify(row, null, 2)}\n`);
}

export async function readScenarioRows(): Promise<ScenarioRow[]> {
  const names = await readdir(REPORT_FOLDER).catch(() => [] as string[]);
  const rows = await Promise.all(names.filter((name) => name.endsWith('.json')).sort().map(async (name) => JSON.parse(await readFile(path.join(REPORT_FOLDER, name), 'utf8')) as ScenarioRow));
  return rows;
}

const COLUMNS = [
  ['scenario', 'SCENARIO'],
  ['scenariosRun', 'SCENARIOS RUN'],
  ['faultsInjected', 'FAULTS INJECTED'],
  ['runsCompleted', 'RUNS COMPLETED'],
  ['sideEffectsDoubled', 'SIDE EFFECTS DOUBLED'],
  ['approvalsLost', 'APPROVALS LOST'],
  ['crashes', 'CRASHES'],
] as const;

/** The table the suite prints: one line per scenario, a total line, then each scenario's figures. */
export function formatReport(rows: readonly ScenarioRow[]): string {
  const total: ScenarioRow = {
    scenario: 'total',
    scenariosRun: sum(rows, 'scenariosRun'),
    faultsInjected: sum(rows, 'faultsInjected'),
    runsCompleted: sum(rows, 'runsCompleted'),
    sideEffectsDoubled: sum(rows, 'sideEffectsDoubled'),
    approvalsLost: sum(rows, 'approvalsLost'),
    crashes: sum(rows, 'crashes'),
  };
  const cells = [COLUMNS.map(([, title]) => title), ...[...rows, total].map((row) => COLUMNS.map(([key]) => String(row[key])))];
  const widths = COLUMNS.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const table = cells.map((line) => `| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
  table.splice(1, 0, `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  const figures = rows.filter((row) => row.figures !== undefined).map((row) => `${row.scenario}: ${Object.entries(row.figures ?? {}).map(([name, value]) => `${name} ${value}`).join(', ')}`);
  return [...table, '', ...figures].join('\n');
}

export async function writeReport(rows: readonly ScenarioRow[]): Promise<void> {
  await mkdir(path.dirname(REPORT_FILE), { recursive: true });
  await writeFile(REPORT_FILE, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
}

function sum(rows: readonly ScenarioRow[], key: 'scenariosRun' | 'faultsInjected' | 'runsCompleted' | 'sideEffectsDoubled' | 'approvalsLost' | 'crashes'): number {
  return rows.reduce((total, row) => total + row[key], 0);
}
