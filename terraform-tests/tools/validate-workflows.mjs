// Validates the GitHub workflow files given against GitHub's workflow schema with action-validator (Rust compiled
// to WebAssembly, offline) and prints {"<file>": [errors]}, with an empty list for each valid file.
import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';

const results = {};
for (const file of process.argv.slice(2)) {
  results[file] = validateWorkflow(readFileSync(file, 'utf8')).errors;
}
process.stdout.write(JSON.stringify(results));
