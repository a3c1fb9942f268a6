// Bundles the extension, the search worker, the presenter thread, the command-line tool, the webview and the test suites with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Test files under a folder, as esbuild entry points. */
function testEntries(folder) {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => relative(root, join(dir, f)));
}

/** Keeps only the WOFF2 fonts of KaTeX's stylesheet: every browser a webview runs in reads WOFF2. */
const katexWoff2Only = {
  name: 'katex-woff2-only',
  setup(build) {
    build.onLoad({ filter: /katex[\\/]dist[\\/]katex\.css$/ }, async (args) => {
      const css = await readFile(args.path, 'utf8');
      return { contents: css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, ''), loader: 'css' };
    });
  },
};

/** Leaves `./commands` out of the command line's entry bundle: it is loaded from dist/cli-commands.js. */
const cliCommandsApart = {
  name: 'cli-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands$/ }, () => ({ path: './cli-commands.js', external: true }));
  },
};

/**
 * Leaves h5wasm (4 MB: HDF5 compiled to WebAssembly, embedded in its JavaScript) out of the bundles that read
 * data: they load dist/hdf5.js when the first HDF5 file is opened.
 */
const h5wasmApart = {
  name: 'h5wasm-apart',
  setup(build) {
    build.onResolve({ filter: /^h5wasm\/node$/ }, () => ({ path: './hdf5.js', external: true }));
  },
};

const builds = [
  {
    ...nodeCommon,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [h5wasmApart],
  },
  // h5wasm's Node build is an ES module that finds Node's require through import.meta.url.
  {
    ...nodeCommon,
    entryPoints: { hdf5: 'node_modules/h5wasm/dist/node/hdf5_hl.js' },
    outdir: 'dist',
    sourcemap: false,
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
  {
    ...nodeCommon,
    entryPoints: { worker: 'src/parallel/worker.ts', presenter: 'src/parallel/presenterThread.ts' },
    outdir: 'dist',
  },
  // The command line's entry is a bundle of its own, a few kilobytes, so that its Ctrl+C handler is in place
  // before Node has compiled the engine (about a second of a run's start); it loads the commands bundle.
  {
    ...nodeCommon,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [cliCommandsApart],
  },
  {
    ...nodeCommon,
    entryPoints: { 'cli-commands': 'src/cli/commands.ts' },
    outdir: 'dist',
    plugins: [h5wasmApart],
  },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: { results: 'webview/results/main.ts', 'results-style': 'webview/results/style.css' },
    outdir: 'dist/webview',
    loader: { '.woff2': 'file' },
    plugins: [katexWoff2Only],
    assetNames: 'fonts/[name]-[hash]',
  },
];

// Integration tests, loaded by the extension host from out/test/integration (not part of the .vsix).
// mocha and @vscode/test-electron stay external: they are resolved from node_modules when the tests run.
if (!production) {
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  builds.push({
    ...nodeCommon,
    entryPoints: testEntries('test/integration'),
    outbase: 'test',
    outdir: 'out/test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    sourcemap: true,
  });
  // A worker entry that fails on purpose, for the unit tests of the worker pool (given as its `workerScript`).
  builds.push({
    ...nodeCommon,
    entryPoints: ['test/fixtures/parallel/faultyWorker.ts'],
    outbase: 'test',
    outdir: 'out/test',
    sourcemap: true,
  });
}

const present = builds.filter((b) => {
  const entries = Array.isArray(b.entryPoints) ? b.entryPoints : Object.values(b.entryPoints);
  return entries.length > 0 && entries.every((e) => existsSync(join(root, e)));
});

if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });

if (watch) {
  for (const options of present) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log(`watching ${present.length} bundles for changes`);
} else {
  const started = Date.now();
  await Promise.all(present.map((options) => esbuild.build(options)));
  console.log(`built ${present.length} bundles in ${Date.now() - started} ms`);
}
