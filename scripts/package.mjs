// `npm run package`: production build, then `vsce package` (offline, no dependency scan: the bundles
// contain the dependencies) into <name>-<version>.vsix at the project root. Checks what went in.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ensureBuild, ensureDependencies } from './lib/setup.mjs';
import { log, root, seconds } from './lib/util.mjs';

/** Paths (inside the .vsix, under extension/) that may ship. */
const allowed = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^LICENSE(\.txt)?$/i,
  /^dist\/[^/]+\.js$/,
  /^dist\/webview\/.+/,
  /^media\/.+/,
  /^data\/samples\/[^/]+\.csv$/,
];
const forbidden = [/\.map$/, /^dist\/.*test/i, /\.ts$/];

/** Entries of a zip file (name, sizes, data reader), read from its central directory. */
function readZip(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({
      name,
      size,
      compressed,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressed);
        return method === 0 ? raw : inflateRawSync(raw);
      },
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function kb(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

const started = Date.now();
try {
  await ensureDependencies();
  await ensureBuild({ production: true, force: true });
} catch (e) {
  console.error(`[package] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packagePath = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = createRequire(join(root, 'package.json'))('@vscode/vsce');
log('package', `vsce package -> ${basename(packagePath)}`);
try {
  await vsce.createVSIX({ cwd: root, packagePath, dependencies: false, allowMissingRepository: true });
} catch (e) {
  console.error(`[package] vsce package failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

const entries = readZip(packagePath);
const files = entries
  .filter((e) => e.name.startsWith('extension/') && !e.name.endsWith('/'))
  .sort((a, b) => a.name.localeCompare(b.name));
const problems = [];
for (const e of files) {
  const rel = e.name.slice('extension/'.length);
  if (!allowed.some((r) => r.test(rel)) || forbidden.some((r) => r.test(rel))) problems.push(`unexpected file: ${rel}`);
}
const requiredFiles = [
  manifest.main.replace(/^\.\//, ''),
  'package.json',
  'dist/worker.js',
  'dist/presenter.js',
  'dist/hdf5.js',
  'dist/webview/results.js',
  'dist/webview/results-style.css',
];
for (const required of requiredFiles) {
  if (!files.some((e) => e.name === `extension/${required}`)) problems.push(`missing: ${required}`);
}
if (!files.some((e) => /^extension\/LICENSE(\.txt)?$/i.test(e.name))) problems.push('missing: LICENSE');

// Every url(...) in the packaged stylesheets (KaTeX fonts) must point at a file that is in the package.
for (const css of files.filter((e) => e.name.endsWith('.css'))) {
  const dir = posix.dirname(css.name);
  for (const [, ref] of css.read().toString('utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    if (/^(data:|https?:|#)/.test(ref)) continue;
    const target = posix.normalize(posix.join(dir, ref.split(/[?#]/)[0]));
    if (!entries.some((e) => e.name === target)) problems.push(`${css.name.slice(10)} references ${ref}, which is not in the package`);
  }
}

const width = Math.max(...files.map((e) => e.name.length - 10));
console.log(`\n${basename(packagePath)}: ${files.length} files`);
for (const e of files) console.log(`  ${e.name.slice('extension/'.length).padEnd(width)}  ${kb(e.size).padStart(10)}`);
const unpacked = files.reduce((n, e) => n + e.size, 0);
console.log(`\n${packagePath}`);
console.log(`  ${kb(statSync(packagePath).size)} (${kb(unpacked)} unpacked), built in ${seconds(started)}`);

if (problems.length) {
  console.error(`\n[package] the package is not as expected:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nInstall into VS Code: code --install-extension ${basename(packagePath)}`);
