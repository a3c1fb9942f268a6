import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../../src/extension/log';
import type { MessageKind } from '../../src/extension/report';
import { RunLifecycle } from '../../src/extension/runs/runLifecycle';
import type { RunSummary } from '../../src/extension/runs/runRecord';
import { RunStore } from '../../src/extension/runs/runStore';
import { workspaceStoreFolder } from '../../src/extension/runs/workspaceStoreFolder';
import { ProgressNotifications, type WithProgress } from '../../src/extension/views/progressNotification';
import { RunMessages } from '../../src/extension/views/runMessages';
import { RunsTreeProvider } from '../../src/extension/views/runsTree';
import { SEARCH_RUNNING_KEY, SearchRunningContext } from '../../src/extension/views/searchRunningContext';
import { SearchStatusBar } from '../../src/extension/views/statusBar';
import { flat, linear, lineRequest, ScriptedSearch } from '../fixtures/runs/scriptedSearch';

const quiet: Logger = { warn: () => undefined, error: () => undefined };

async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs of a window over a store in a fresh folder, whose searches the test drives. */
function setUp(): { runs: RunLifecycle; store: RunStore; searches: ScriptedSearch[]; folder: vscode.Uri } {
  const folder = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'eqd-presenters-')), 'runs'));
  const store = new RunStore(workspaceStoreFolder(folder), quiet);
  const searches: ScriptedSearch[] = [];
  const runs = new RunLifecycle(
    store,
    () => {
      const search = new ScriptedSearch();
      searches.push(search);
      return search;
    },
    quiet,
  );
  return { runs, store, searches, folder };
}

/**
 * The notifications shown through the real `withProgress`, as the test sees them: their options, what they
 * reported, whether they are closed; `cancel` stands for a click on their Cancel button.
 */
class ShownNotifications {
  readonly shown: {
    title: string | undefined;
    cancellable: boolean | undefined;
    reports: string[];
    open: boolean;
    closed: boolean;
    cancel: () => void;
  }[] = [];

  readonly withProgress: WithProgress = (options, task) => {
    const cancellation = new vscode.CancellationTokenSource();
    const notification = {
      title: options.title,
      cancellable: options.cancellable,
      reports: [] as string[],
      open: false,
      closed: false,
      cancel: () => cancellation.cancel(),
    };
    this.shown.push(notification);
    const shown = vscode.window.withProgress(options, (progress) => {
      notification.open = true;
      return task(
        {
          report: (value) => {
            if (value.message !== undefined) notification.reports.push(value.message);
            progress.report(value);
          },
        },
        cancellation.token,
      );
    });
    return shown.then((value) => {
      notification.closed = true;
      cancellation.dispose();
      return value;
    });
  };
}

/** A real status bar item, and whether it is on show. */
function watchedStatusBarItem(): { item: vscode.StatusBarItem; visible: () => boolean } {
  const item = vscode.window.createStatusBarItem('equationDiscovery.test', vscode.StatusBarAlignment.Left, 10);
  let visible = false;
  const show = item.show.bind(item);
  const hide = item.hide.bind(item);
  item.show = () => {
    visible = true;
    show();
  };
  item.hide = () => {
    visible = false;
    hide();
  };
  return { item, visible: () => visible };
}

describe('Run presenters', function () {
  this.timeout(30_000);

  it('show a progress notification per search, which reports its progress, cancels it and closes when it ends', async () => {
    const { runs, searches } = setUp();
    const notifications = new ShownNotifications();
    const presenter = new ProgressNotifications(runs, () => false, notifications.withProgress);
    try {
      const record = runs.start(lineRequest());
      searches[0]!.report([flat, linear], 1);
      assert.equal(notifications.shown.length, 1);
      const [shown] = notifications.shown;
      assert.equal(shown!.title, 'Discovering y');
      assert.equal(shown!.cancellable, true);
      await until('the notification to open', () => shown!.open);
      searches[0]!.report([flat, linear], 2);
      assert.deepEqual(shown!.reports, ['1 s, 50 evaluations/s, best loss 0', '2 s, 50 evaluations/s, best loss 0']);

      shown!.cancel();
      assert.equal(searches[0]!.cancelled, true, 'Cancel stops the search');
      assert.equal(shown!.closed, false, 'the notification stays until the run has ended');
      searches[0]!.finish([linear], 'cancelled');
      await runs.whenEnded(record.id);
      await until('the notification to close', () => shown!.closed);
    } finally {
      presenter.dispose();
      runs.dispose();
    }
  });

  it('leave a run the results view shows to the view, and notify while the view shows another or none', async () => {
    const { runs, searches } = setUp();
    const notifications = new ShownNotifications();
    let shownRun: string | undefined;
    const presenter = new ProgressNotifications(runs, (id) => id === shownRun, notifications.withProgress);
    try {
      shownRun = 'not yet known';
      const record = runs.start(lineRequest());
      shownRun = record.id;
      searches[0]!.report([flat, linear], 1);
      assert.equal(notifications.shown.length, 0, 'no notification over the view that shows the run');

      shownRun = undefined;
      searches[0]!.report([flat, linear], 2);
      assert.equal(notifications.shown.length, 1, 'the view was closed: a notification takes over');
      const [shown] = notifications.shown;
      await until('the notification to open', () => shown!.open);
      assert.deepEqual(shown!.reports, ['2 s, 50 evaluations/s, best loss 0']);

      shownRun = record.id;
      searches[0]!.report([flat, linear], 3);
      await until('the notification to close once the view shows the run again', () => shown!.closed);
      searches[0]!.finish([linear]);
      await runs.whenEnded(record.id);
      assert.equal(notifications.shown.length, 1);
    } finally {
      presenter.dispose();
      runs.dispose();
    }
  });

  it('close their notifications when they are disposed, with the window', async () => {
    const { runs, searches } = setUp();
    const notifications = new ShownNotifications();
    const presenter = new ProgressNotifications(runs, () => false, notifications.withProgress);
    runs.start(lineRequest());
    searches[0]!.report([linear], 1);
    presenter.dispose();
    await until('the notification to close', () => notifications.shown[0]!.closed);
    runs.dispose();
  });

  it('show a status bar item while searches run, with their time, which opens the results', async () => {
    const { runs, searches } = setUp();
    const { item, visible } = watchedStatusBarItem();
    const presenter = new SearchStatusBar(runs, item);
    try {
      assert.equal(visible(), false);
      const first = runs.start(lineRequest());
      assert.equal(visible(), true);
      assert.equal(item.text, '$(loading~spin) y: 0 s');
      assert.deepEqual(item.command, { command: 'equationDiscovery.openResults', title: 'Show Results', arguments: [first.id] });
      searches[0]!.report([linear], 3);
      assert.equal(item.text, '$(loading~spin) y: 3 s');
      const second = runs.start(lineRequest());
      assert.equal(item.text, '$(loading~spin) y: 3 s (+1)');
      assert.deepEqual(item.accessibilityInformation, {
        label: 'Equation Discovery: searching for y, 3 seconds, and 1 more search',
        role: 'button',
      });

      searches[0]!.finish([linear]);
      await runs.whenEnded(first.id);
      assert.equal(item.text, '$(loading~spin) y: 0 s');
      assert.deepEqual((item.command as vscode.Command).arguments, [second.id]);
      searches[1]!.finish([linear]);
      await runs.whenEnded(second.id);
      assert.equal(visible(), false);
    } finally {
      presenter.dispose();
      runs.dispose();
    }
  });

  it('list a run in the Runs view as running from its start, and as saved once it ends', async () => {
    const { runs, store, searches } = setUp();
    const tree = new RunsTreeProvider(store, runs);
    let changes = 0;
    tree.onDidChangeTreeData(() => changes++);
    try {
      assert.deepEqual(await tree.getChildren(), []);
      const record = runs.start(lineRequest());
      assert.equal(changes, 1, 'the view is told when a run starts');
      const running = await tree.getChildren();
      assert.deepEqual(
        running.map((r) => [r.id, r.status]),
        [[record.id, 'running']],
      );
      const item = tree.getTreeItem(running[0]!);
      assert.equal(item.contextValue, 'runActive');
      assert.equal(item.description, 'running');

      for (let i = 0; i < 5; i++) searches[0]!.report([linear], i);
      assert.equal(changes, 1, 'progress does not change the list');
      searches[0]!.finish([linear]);
      await runs.whenEnded(record.id);
      assert.ok(changes >= 2, 'the view is told when a run ends');
      const ended: RunSummary[] = await tree.getChildren();
      assert.deepEqual(
        ended.map((r) => [r.id, r.status, r.best]),
        [[record.id, 'finished', '2 * x']],
      );
      assert.equal(tree.getTreeItem(ended[0]!).contextValue, 'run');
    } finally {
      tree.dispose();
      runs.dispose();
    }
  });

  it('set the context key that enables Stop Search while a search runs', async () => {
    const { runs, searches } = setUp();
    const values: boolean[] = [];
    const presenter = new SearchRunningContext(runs, (key, value) => {
      assert.equal(key, SEARCH_RUNNING_KEY);
      values.push(value);
      return vscode.commands.executeCommand('setContext', key, value);
    });
    try {
      const first = runs.start(lineRequest());
      const second = runs.start(lineRequest());
      searches[0]!.finish([linear]);
      await runs.whenEnded(first.id);
      assert.deepEqual(values, [true, true, true], 'true while one search still runs');
      searches[1]!.finish([linear]);
      await runs.whenEnded(second.id);
      assert.deepEqual(values, [true, true, true, false]);
    } finally {
      presenter.dispose();
      runs.dispose();
    }
  });

  it('say when a search failed, and when a run could not be saved', async () => {
    const { runs, searches, folder } = setUp();
    const messages: [MessageKind, string][] = [];
    const presenter = new RunMessages(runs, (kind, message) => messages.push([kind, message]));
    try {
      const finished = runs.start(lineRequest());
      searches[0]!.finish([linear]);
      await runs.whenEnded(finished.id);
      assert.deepEqual(messages, []);

      const failed = runs.start(lineRequest());
      searches[1]!.report([linear]);
      searches[1]!.crash('worker exited with code 1');
      await runs.whenEnded(failed.id);
      assert.deepEqual(messages, [
        ['error', 'Equation Discovery: the search failed: worker exited with code 1. The formulas found before are kept.'],
      ]);

      // A file where the store's folder should be: nothing can be saved in it.
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await vscode.workspace.fs.writeFile(folder, new TextEncoder().encode('not a folder'));
      messages.length = 0;
      const unsaved = runs.start(lineRequest());
      searches[2]!.finish([linear]);
      await runs.whenEnded(unsaved.id);
      assert.equal(messages.length, 1);
      assert.equal(messages[0]![0], 'warning');
      assert.match(messages[0]![1], /^Equation Discovery: the run could not be saved \(.+\); its results stay open\.$/);
    } finally {
      presenter.dispose();
      runs.dispose();
    }
  });
});
