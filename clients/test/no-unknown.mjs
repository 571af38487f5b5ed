// Fails when graphql-codegen typed anything as `unknown` or `any`: each custom scalar must be mapped (codegen.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
// A field, scalar or list typed unknown/any; the `Exact` helper's index signature is codegen's own and harmless.
const TYPED_UNKNOWN = /[:<|]\s*(unknown|any)\b/;
const HELPER = /\{ \[key: string\]: unknown \}/g;
const offending = readdirSync(dir).filter((file) => file.endsWith('.ts')).flatMap((file) =>
  readFileSync(join(dir, file), 'utf8').split('\n').map((line, index) => ({ file, line: index + 1, text: line }))
    .filter(({ text }) => TYPED_UNKNOWN.test(text.replace(/\/\*.*?\*\/|\/\/.*$/g, '').replace(HELPER, ''))));
for (const { file, line, text } of offending) console.error(`${file}:${line}: ${text.trim()}`);
if (offending.length) {
  console.error(`${offending.length} generated line(s) use unknown/any: map the scalar in codegen.ts`);
  process.exit(1);
}
console.log(`no unknown/any in ${dir}`);
