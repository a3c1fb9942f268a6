// npm run sync:settings: writes the parts of package.json and README.md that follow from the options schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncPackageJson, syncReadme } from './lib/optionDocs';

const root = join(__dirname, '..');
const files = [
  { path: join(root, 'package.json'), sync: syncPackageJson },
  { path: join(root, 'README.md'), sync: syncReadme },
].map(({ path, sync }) => {
  const before = readFileSync(path, 'utf8');
  return { path, before, after: sync(before) };
});
for (const { path, before, after } of files) {
  if (after !== before) writeFileSync(path, after);
  console.log(`${path}: ${after === before ? 'up to date' : 'updated'}`);
}
