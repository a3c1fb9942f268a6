// Configuration for @vscode/test-cli (`npx @vscode/test-cli` / the Extension Test Runner in desktop VS Code).
// It runs the same compiled integration tests as `npm run test:integration` (which uses code-server
// here because desktop VS Code cannot be downloaded on the offline build machine). Build first: npm run build.
export default [
  {
    label: 'integration',
    files: 'out/test/integration/**/*.test.js',
    workspaceFolder: './data/samples',
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    mocha: { ui: 'bdd', timeout: 60000 },
  },
];
