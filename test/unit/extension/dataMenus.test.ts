import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINARY_EXTENSION_LIST, binaryFormatFromFileName } from '../../../src/data/index';

interface Menu {
  command: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, Menu[]> };
};

/** The file extensions a menu's `resourceExtname =~ /^\.(a|b)$/i` clause lets through. */
function extensionsOf(menu: string): string[] {
  const entry = manifest.contributes.menus[menu]!.find((m) => m.command === 'equationDiscovery.discover');
  const match = /resourceExtname =~ \/\^\\\.\(([^)]*)\)\$\/i/.exec(entry?.when ?? '');
  assert.ok(match, `no extension clause in ${menu}: ${entry?.when}`);
  return match[1]!.split('|');
}

describe('Discover Equation in the menus of data files', () => {
  for (const menu of ['explorer/context', 'editor/context']) {
    it(`${menu} offers it on every format the data loader reads`, () => {
      const offered = extensionsOf(menu);
      for (const ext of [...BINARY_EXTENSION_LIST, 'csv', 'tsv', 'json']) assert.ok(offered.includes(ext), `.${ext} is missing`);
      for (const ext of offered) {
        assert.ok(['csv', 'tsv', 'tab', 'json'].includes(ext) || binaryFormatFromFileName(`a.${ext}`) !== undefined, `.${ext} is not read`);
      }
    });
  }
});
