// Settings form model: round trip, blank optional fields, and validation paths matching the schema.
import { describe, it, expect } from 'vitest';
import {
  blankTarget,
  toForm,
  toSettings,
  tokenProblem,
  validateSettings,
  validateTarget,
} from './settings-form';
import { settingsFixture } from '../testing/fixtures';

describe('settings form', () => {
  it('round-trips settings unchanged', () => {
    const s = settingsFixture();
    expect(toSettings(toForm(s))).toEqual(s);
    expect(validateSettings(s)).toEqual([]);
  });

  it('drops blank optional fields and mutes of removed targets', () => {
    const form = toForm(settingsFixture());
    form.targets.push({ ...blankTarget(), name: 'Example', site: 'https://example.com/' });
    form.muted = ['Example', 'Gone'];
    form.alternateProxy = '  ';
    form.browserProfiles = 'auto\n\n/home/me/.config/chromium\n';
    const s = toSettings(form);
    expect(s.targets[1]).toEqual({ name: 'Example', site: 'https://example.com/' });
    expect(s.notifications.muted).toEqual(['Example']);
    expect(s.alternateProxy).toBeNull();
    expect(s.browserProfiles).toEqual(['auto', '/home/me/.config/chromium']);
    expect(validateSettings(s)).toEqual([]);
  });

  it('names each invalid field by its path', () => {
    const form = toForm(settingsFixture());
    form.targets[0]!.endpoints[1]!.url = 'neo';
    form.quietStart = '25:00';
    form.intervalSeconds = null;
    const paths = validateSettings(toSettings(form)).map((p) => p.path);
    expect(paths).toEqual([
      'targets[0].endpoints[1].url',
      'intervalSeconds',
      'notifications.quietHours.start',
    ]);
  });

  it('checks one target with paths under its index', () => {
    expect(validateTarget({ name: '', site: 'x' }, 2).map((p) => p.path)).toEqual([
      'targets[2].name',
      'targets[2].site',
    ]);
  });

  it('applies the contract token rule', () => {
    expect(tokenProblem('short')).toMatch(/at least 8/);
    expect(tokenProblem('with a space')).toMatch(/without spaces/);
    expect(tokenProblem('a'.repeat(40))).toBeNull();
  });
});
