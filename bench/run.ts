// `npm run bench`: runs every bench/*.bench.ts module in turn and prints its figures.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchSection } from './types';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function print(section: BenchSection): void {
  console.log(`\n## ${section.title}`);
  for (const f of section.figures) {
    const mark = f.ok === undefined ? '' : f.ok ? '  ok' : '  MISSED';
    const target = f.target ? `  (target ${f.target})` : '';
    console.log(`  ${f.name.padEnd(52)} ${String(round(f.value)).padStart(10)} ${f.unit}${target}${mark}`);
  }
  for (const line of section.lines ?? []) console.log(`  ${line}`);
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

for (const file of files) {
  const mod = (await import(`./${file}`)) as BenchModule;
  const started = Date.now();
  try {
    for (const section of await mod.run()) print(section);
  } catch (err) {
    console.log(`\n## ${file}: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  console.log(`  (${file} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
