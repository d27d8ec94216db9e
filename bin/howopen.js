#!/usr/bin/env node
// The howopen command: runs the compiled CLI (npm run build writes dist/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before any command module loads: the version needs nothing but package.json.
  process.stdout.write(`${JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')).version}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args);
}
