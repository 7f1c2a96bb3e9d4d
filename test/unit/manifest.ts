import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One setting as `contributes.configuration` declares it (the parts the tests look at). */
export interface ManifestSetting {
  type?: string | string[];
  default?: unknown;
  scope?: string;
  order?: number;
  description?: string;
  markdownDescription?: string;
}

/** The parts of package.json the tests read. */
export interface Manifest {
  activationEvents?: string[];
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string };
  };
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    configuration: ConfigurationSection | ConfigurationSection[];
    keybindings?: { command: string; key: string; when?: string }[];
    menus?: Record<string, { command?: string; submenu?: string; when?: string; group?: string }[]>;
    submenus?: { id: string; label: string }[];
    walkthroughs?: { id: string; title: string; steps: { id: string; title: string; media: Record<string, string>; description: string }[] }[];
  };
  [field: string]: unknown;
}

/** One titled section of `contributes.configuration`. */
export interface ConfigurationSection {
  title: string;
  properties: Record<string, ManifestSetting>;
}

/** package.json as it is on disk (the tests run from the repository root). */
export function readManifest(): Manifest {
  return JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as Manifest;
}

/** The configuration sections of the manifest, as a list whether it declares one or several. */
export function configurationSections(manifest: Manifest): ConfigurationSection[] {
  const configuration = manifest.contributes.configuration;
  return Array.isArray(configuration) ? configuration : [configuration];
}

/** Every contributed setting by its full key. */
export function manifestSettings(manifest: Manifest): Map<string, ManifestSetting> {
  return new Map(configurationSections(manifest).flatMap((section) => Object.entries(section.properties)));
}
