// `npm run sla:conformance -- <files or folders>`: evaluates SLA case files with the app's engine, prints
// each failing check and closes with `N passed, N failed`. Exit 1 on any failure or unreadable file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { closingLine, reportFile, runCaseFile, type Tally } from '../src/domain/sla/conformance';

/** Case files under the arguments: `.json` files, folders searched recursively, in name order. */
function collect(target: string, out: string[], problems: string[]): void {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    problems.push(`FAIL ${target}: no such file or folder`);
    return;
  }
  if (stats.isFile()) {
    out.push(target);
    return;
  }
  const entries = readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const before = out.length;
  for (const entry of entries) {
    const path = join(target, entry.name);
    if (entry.isDirectory()) collect(path, out, problems);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  if (out.length === before) problems.push(`FAIL ${target}: no .json case files in this folder`);
}

function main(args: readonly string[]): number {
  if (args.length === 0) {
    console.error('usage: npm run sla:conformance -- <case files or folders>');
    return 2;
  }
  const tally: Tally = { passed: 0, failed: 0 };
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) collect(arg, files, problems);
  for (const line of problems) console.log(line);
  tally.failed += problems.length;

  for (const file of files) {
    const rel = relative(process.cwd(), file);
    const shown = rel && !rel.startsWith('..') ? rel : file;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      tally.failed += 1;
      const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read';
      console.log(`FAIL ${shown}: ${reason}`);
      continue;
    }
    for (const line of reportFile(shown, runCaseFile(json), tally)) console.log(line);
  }
  console.log(closingLine(tally));
  return tally.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
