// Types of code-server.mjs for the TypeScript test harness.

export declare const root: string;
export declare const cacheDir: string;
export declare const CODE_SERVER_VERSION: string;
export declare const quietSettings: Readonly<Record<string, unknown>>;

export interface ExtensionManifest {
  name: string;
  publisher: string;
  version: string;
  main?: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
  [key: string]: unknown;
}

export declare function readManifest(): ExtensionManifest;
export declare function extensionId(): string;
export declare function packagedFiles(): Promise<string[]>;
export declare function installExtensionFolder(extensionsDir: string): Promise<string>;
export declare function freePort(): Promise<number>;
export declare function createSampleWorkspace(dir: string): string;

export interface StartOptions {
  runDir: string;
  workspace?: string;
  extensionsDir?: string;
  port?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  startTimeoutMs?: number;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly runDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  readonly workspace: string | undefined;
  /** Settles with the exit code (or `signal X`) once the server process has ended. */
  readonly exited: Promise<number | string>;
  workbenchUrl(options?: { folder?: string; payload?: [string, string][] }): string;
  remoteUri(path: string): string;
  stop(): Promise<void>;
}

export declare function startCodeServer(options: StartOptions): Promise<RunningCodeServer>;
