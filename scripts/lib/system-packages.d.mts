// Types of system-packages.mjs for the TypeScript tests.

export interface ListedPackage {
  name: string;
  forStart: boolean;
}
export type InstallPlan =
  | { action: 'none'; steps?: undefined; message?: undefined }
  | { action: 'install'; steps: string[][]; message?: undefined }
  | { action: 'instruct'; message: string; steps?: undefined };
export const aptPackagesFile: string;
export function listedPackages(text?: string): ListedPackage[];
export function missingPackages(packages: string[]): string[];
export function planInstall(missing: string[], how: { prefix: string[] | undefined; aptAvailable: boolean }): InstallPlan;
export function ensureSystemPackages(options?: { forStart?: boolean }): Promise<void>;
