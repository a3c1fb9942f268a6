import assert from 'node:assert/strict';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Dataset } from '../../src/data';
import { DataError } from '../../src/data';
import type { EquationDiscoveryApi } from '../../src/extension/extension';
import { resolveDataInput } from '../../src/extension/input/dataSource';
import { readFileTable } from '../../src/extension/input/fileReading';
import type { Logger } from '../../src/extension/log';
import type { MessageKind } from '../../src/extension/report';
import type { RunRequest } from '../../src/extension/runs/liveRun';
import { PresentedSearch } from '../../src/extension/runs/presentedSearch';
import { RunLifecycle } from '../../src/extension/runs/runLifecycle';
import { RunStore } from '../../src/extension/runs/runStore';
import type { StartSearch } from '../../src/extension/runs/startSearch';
import type { StoreFolder } from '../../src/extension/runs/storeFolder';
import { workspaceStoreFolder } from '../../src/extension/runs/workspaceStoreFolder';
import { RunMessages } from '../../src/extension/views/runMessages';
import { FrontPresenter } from '../../src/parallel/frontPresenter';
import { ParallelSearch } from '../../src/parallel/parallelSearch';
import { planFaults, type WorkerFault } from '../fixtures/parallel/faultPlan';
import { lineRequest } from '../fixtures/runs/scriptedSearch';

/*
 * The extension under the failures a user's machine can bring: a search worker that dies, a run store that is
 * damaged or cannot be written, a data file far too large. Each case ends with a clear message, and what was
 * found or saved before is kept. (Malformed messages from the results page are sent by the e2e suite, through
 * the real webview.)
 */

const EXTENSION_ID = 'equation-discovery.equation-discovery';
/** The real worker entry with the faults `planFaults` gives it (test/fixtures/parallel/faultyWorker.ts). */
const faultyWorkerScript = join(__dirname, '..', 'fixtures', 'parallel', 'faultyWorker.js');

/** A log that keeps what it is told. */
function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (message) => lines.push(`warn: ${message}`),
    error: (error) => lines.push(`error: ${error instanceof Error ? error.message : error}`),
  };
}

/** y = a²/b on 300 rows. */
function quadraticDataset(): Dataset {
  const rows = 300;
  const a = Float64Array.from({ length: rows }, (_, i) => 1 + (4 * i) / rows);
  const b = Float64Array.from({ length: rows }, (_, i) => 1 + ((7 * i) % rows) / rows);
  return {
    X: [a, b],
    y: a.map((v, i) => (v * v) / b[i]!),
    featureNames: ['a', 'b'],
    targetName: 'y',
    rows,
    lineOfRow: Int32Array.from({ length: rows }, (_, i) => i + 2),
    dropped: { rows: 0, byColumn: {}, firstLines: [] },
  };
}

function quadraticRequest(workers: number, timeLimitSeconds: number): RunRequest {
  return {
    dataset: quadraticDataset(),
    sourceUri: 'file:///data/quadratic.csv',
    fileName: 'quadratic.csv',
    settings: { options: { operators: ['+', '-', '*', '/'], timeLimitSeconds, seed: 3 }, workers },
  };
}

/** The bundled presenter thread (dist/presenter.js). */
const presenterScript = join(__dirname, '..', '..', '..', 'dist', 'presenter.js');

/** Searches in the faulty workers, with short slices so that every worker reaches its fault early. */
const faultySearches: StartSearch = (dataset, settings, sample) =>
  new PresentedSearch(
    ParallelSearch.start({ X: dataset.X, y: dataset.y }, settings.options, {
      workerScript: faultyWorkerScript,
      sliceMs: 100,
      ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
    }),
    new FrontPresenter(presenterScript, { names: dataset.featureNames, columns: sample.columns, rows: sample.target.length }),
  );

function storeFolderUri(): vscode.Uri {
  return vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'eqd-reliability-')), 'runs'));
}

/** A window's runs over a store in `folder`, with the messages the user would see. */
function windowRuns(folder: StoreFolder, startSearch: StartSearch) {
  const log = recordingLog();
  const store = new RunStore(folder, log);
  const runs = new RunLifecycle(store, startSearch, log);
  const messages: [MessageKind, string][] = [];
  const presenter = new RunMessages(runs, (kind, message) => messages.push([kind, message]));
  return {
    log,
    store,
    runs,
    messages,
    dispose: () => {
      presenter.dispose();
      runs.dispose();
    },
  };
}

async function withFaults<T>(faults: (WorkerFault | null)[], body: () => Promise<T>): Promise<T> {
  const endPlan = planFaults(faults);
  try {
    return await body();
  } finally {
    endPlan();
  }
}

describe('Reliability', function () {
  this.timeout(60_000);

  describe('a search worker that dies', () => {
    it('ends the run with what the other worker found, tells the user, and saves it with the failure', async () => {
      const uri = storeFolderUri();
      const w = windowRuns(workspaceStoreFolder(uri), faultySearches);
      try {
        const record = await withFaults([{ slice: 2, fault: 'exit' }], async () => {
          const started = w.runs.start(quadraticRequest(2, 3));
          return w.runs.whenEnded(started.id);
        });
        assert.equal(record.status, 'finished');
        assert.ok(record.front.length > 0, 'the formulas of the worker that went on are kept');
        assert.deepEqual(record.stats.workerFailures?.length, 1);
        assert.match(record.stats.workerFailures![0]!, /^worker [01]: worker [01] exited with code 3$/);
        assert.equal(w.messages.length, 1, JSON.stringify(w.messages));
        assert.equal(w.messages[0]![0], 'warning');
        assert.match(
          w.messages[0]![1],
          /^Equation Discovery: a search worker stopped \(worker [01]: worker [01] exited with code 3\); the search went on with the others\.$/,
        );

        const saved = await new RunStore(workspaceStoreFolder(uri), recordingLog()).load(record.id);
        assert.ok(saved, 'the run was saved');
        // As JSON: a saved -0 reads back as 0.
        assert.deepEqual(JSON.parse(JSON.stringify(saved.front)), JSON.parse(JSON.stringify(record.front)));
        assert.deepEqual(saved.stats.workerFailures, record.stats.workerFailures);
      } finally {
        w.dispose();
      }
    });

    it('fails the run with a clear error when the only worker dies, keeping and saving what it found', async () => {
      const uri = storeFolderUri();
      const w = windowRuns(workspaceStoreFolder(uri), faultySearches);
      try {
        const record = await withFaults([{ slice: 4, fault: 'exit' }], async () => {
          const started = w.runs.start(quadraticRequest(1, 20));
          return w.runs.whenEnded(started.id);
        });
        assert.equal(record.status, 'failed');
        assert.match(record.error ?? '', /every search worker failed.*exited with code 3/);
        assert.ok(record.front.length > 0, 'what the worker found before it died is kept');
        assert.deepEqual(w.messages, [
          ['error', `Equation Discovery: the search failed: ${record.error}. The formulas found before are kept.`],
        ]);
        const saved = await new RunStore(workspaceStoreFolder(uri), recordingLog()).load(record.id);
        assert.equal(saved?.status, 'failed');
        assert.deepEqual(JSON.parse(JSON.stringify(saved.front)), JSON.parse(JSON.stringify(record.front)));
      } finally {
        w.dispose();
      }
    });
  });

  describe('a damaged run store', () => {
    it('skips a run file that is not JSON, says which, and keeps every other run through the next save', async () => {
      const uri = storeFolderUri();
      const first = windowRuns(workspaceStoreFolder(uri), faultySearches);
      const runs = [lineRequest(), lineRequest()].map((request) => first.runs.start(request));
      // The scripted fixtures are not needed here: the lifecycle saves each run when its search ends.
      first.runs.stop();
      const ended = await Promise.all(runs.map((r) => first.runs.whenEnded(r.id)));
      first.dispose();
      const damaged = vscode.Uri.joinPath(uri, `run-${ended[0]!.id}.json`);
      const bytes = await vscode.workspace.fs.readFile(damaged);
      await vscode.workspace.fs.writeFile(damaged, bytes.slice(0, Math.floor(bytes.length / 2)));

      const second = windowRuns(workspaceStoreFolder(uri), faultySearches);
      try {
        assert.equal(await second.store.load(ended[0]!.id), undefined);
        assert.deepEqual(second.log.lines, [`warn: the saved run ${ended[0]!.id} is damaged and was skipped`]);
        assert.equal((await second.store.load(ended[1]!.id))?.id, ended[1]!.id);
        const ids = (await second.store.list()).map((s) => s.id).sort();
        assert.ok(ids.includes(ended[1]!.id));
        const next = second.runs.start(lineRequest());
        second.runs.stop(next.id);
        await second.runs.whenEnded(next.id);
        const after = (await new RunStore(workspaceStoreFolder(uri), recordingLog()).list()).map((s) => s.id);
        assert.ok(after.includes(next.id) && after.includes(ended[1]!.id), JSON.stringify(after));
      } finally {
        second.dispose();
      }
    });
  });

  describe('a disk that refuses writes', () => {
    it('keeps the run open with its formulas, says it was not saved, and leaves the saved runs whole', async () => {
      const uri = storeFolderUri();
      const sound = workspaceStoreFolder(uri);
      const earlier = windowRuns(sound, faultySearches);
      const kept = earlier.runs.start(lineRequest());
      earlier.runs.stop(kept.id);
      await earlier.runs.whenEnded(kept.id);
      earlier.dispose();
      const index = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, 'runs.json'));

      // A full disk: every write fails as Node reports it, after part of the bytes went out.
      const full: StoreFolder = {
        ...sound,
        write: async (name, bytes) => {
          await sound.write(name, bytes.slice(0, 10));
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${name}'`), { code: 'ENOSPC' });
        },
      };
      const w = windowRuns(full, faultySearches);
      try {
        const run = w.runs.start(quadraticRequest(1, 2));
        const record = await w.runs.whenEnded(run.id);
        assert.ok(record.front.length > 0);
        assert.equal(w.messages.length, 1, JSON.stringify(w.messages));
        assert.equal(w.messages[0]![0], 'warning');
        assert.match(w.messages[0]![1], /^Equation Discovery: the run could not be saved \(ENOSPC: no space left on device.*\); its results stay open\.$/);
        assert.deepEqual((await w.runs.get(run.id))?.front, record.front, 'the run stays available in this window');
      } finally {
        w.dispose();
      }
      const reopened = new RunStore(sound, recordingLog());
      assert.deepEqual(
        (await reopened.list()).map((s) => s.id),
        [kept.id],
      );
      assert.equal((await reopened.load(kept.id))?.id, kept.id);
      assert.deepEqual(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, 'runs.json')), index, 'the index is untouched');
      const files = (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name);
      assert.deepEqual(files.filter((name) => name.endsWith('.tmp')), [], 'no partial file is left');
    });
  });

  describe('a data file far too large', () => {
    async function refused(name: string, head: string, message: RegExp, code: string): Promise<void> {
      const api = await vscode.extensions.getExtension<EquationDiscoveryApi>(EXTENSION_ID)!.activate();
      const path = join(mkdtempSync(join(tmpdir(), 'eqd-huge-')), name);
      writeFileSync(path, head);
      // A sparse file: 1 GB long, no disk space used.
      truncateSync(path, 1024 ** 3);
      const uri = vscode.Uri.file(path);
      const input = await resolveDataInput(uri);
      assert.ok(input && input.kind === 'file', 'a file is read from disk, not as one string');
      await assert.rejects(readFileTable(input, {}), (error: unknown) => {
        assert.ok(error instanceof DataError);
        assert.equal(error.code, code);
        assert.match(error.message, message);
        return true;
      });
      const shownBefore = api.shownRun();
      const id = await vscode.commands.executeCommand<string | undefined>('equationDiscovery.discover', uri);
      assert.equal(id, undefined);
      assert.equal(api.shownRun(), shownBefore);
    }

    it('is refused from its size when it is JSON (read as one text), naming the file, and no run starts', () =>
      refused('huge.json', '[', /^huge\.json: the file is 1\.0 GB; text data files of up to 256 MB can be read/, 'too-large'));

    it('is refused at its first piece when it is a CSV of no text, naming the file, and no run starts', () =>
      refused('huge.csv', 'x,y\n', /^huge\.csv: this is not a text file \(it contains NUL bytes\)/, 'binary'));
  });
});
