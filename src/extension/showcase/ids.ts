/** Ids the manifest (package.json `contributes`) declares for the Showcase view. */
export const VIEW_ID = 'equationDiscovery.showcase';

export const COMMANDS = {
  filter: 'equationDiscovery.showcase.filter',
  clearFilter: 'equationDiscovery.showcase.clearFilter',
  groupByField: 'equationDiscovery.showcase.groupByField',
  groupByYear: 'equationDiscovery.showcase.groupByYear',
  openPaper: 'equationDiscovery.showcase.openPaper',
  copyCitation: 'equationDiscovery.showcase.copyCitation',
  /** Not in the manifest: for other parts of the extension (and tests) that want to show a paper in the tree. */
  reveal: 'equationDiscovery.showcase.reveal',
} as const;

export const CONTEXT_KEYS = {
  filtered: 'equationDiscovery.showcaseFiltered',
  grouping: 'equationDiscovery.showcaseGrouping',
} as const;
