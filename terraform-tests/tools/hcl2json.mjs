// Prints {"<file relative to the directory>": <HCL as JSON>} for every .tf file under the directory given, parsed
// by HashiCorp's own HCL library (compiled to WebAssembly in @cdktf/hcl2json).
import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
const files = readdirSync(root, { recursive: true })
  .filter((file) => file.endsWith('.tf') && !file.split('/').includes('.terraform'))
  .sort();
const parsed = {};
for (const file of files) {
  const path = join(root, file);
  parsed[relative(root, path)] = await parse(path, readFileSync(path, 'utf8'));
}
process.stdout.write(JSON.stringify(parsed));
