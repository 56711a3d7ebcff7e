// Validates electron-builder.yml against electron-builder's own JSON schema and checks the
// security-relevant choices (fuses, files, LSUIElement, icons).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml and ajv come with electron-builder (app-builder-lib) and conf; neither is a direct dependency.
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (options: object) => {
  compile(
    schema: object,
  ): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

/** The parts of the config the checks below read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  mac: { target: { target: string }[]; icon: string; extendInfo: { LSUIElement: boolean } };
  win: { target: { target: string }[]; icon: string };
  linux: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a broken config fails the same check (the validator is live)', () => {
    const validate = new Ajv({ strict: false }).compile(
      JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')),
    );
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // Unsigned Apple Silicon builds: re-sign ad hoc after flipping, or macOS kills the app at launch.
      resetAdHocDarwinSignature: true,
    });
  });

  it('unpacks the Windows tray icons and leaves the CLI-only tsx and esbuild out', () => {
    expect(config.asarUnpack).toEqual(['resources/tray/win/*.ico']);
    for (const name of ['tsx', 'esbuild', '@esbuild']) {
      expect(config.files).toContain(`!node_modules/${name}{,/**}`);
    }
  });

  it('ships only built files, targets every OS, and hides the Dock icon', () => {
    expect(config.appId).toBe('app.why500.desktop');
    expect(config.productName).toBe('why500');
    for (const pattern of config.files)
      expect(pattern).not.toMatch(/^(electron|core|shared|renderer\/src)\b/);
    expect(config.files).toContain('dist/electron/**');
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    // The deb first: it is the recommended download (README: the AppImage and the sandbox).
    expect(config.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.js');
  });

  it('names icons that exist', () => {
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) {
      expect(existsSync(join(root, icon)), icon).toBe(true);
    }
  });

  it('gives Linux a hicolor set and Windows an ICO with every shell size', () => {
    // electron-builder reads a folder of <n>x<n>.png files; the deb installs each into hicolor/<n>x<n>.
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(root, config.linux.icon, `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size} px`).toEqual([size, size]);
    }
    // 16–48 px at 100–250 % display scaling, and 256 px for large icon views (0 in the directory = 256).
    const ico = readFileSync(join(root, config.win.icon));
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    for (const size of [16, 20, 24, 32, 40, 48, 256]) expect(sizes, `${size} px`).toContain(size);
  });
});
