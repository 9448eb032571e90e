import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src-main/app/data-dir';
import { parseLaunchOptions } from '../../src-main/app/launch-options';
import { pickLocale } from '../../src-renderer/i18n/locales';

describe('launch options', () => {
  it('reads --browser and --port in both spellings', () => {
    expect(parseLaunchOptions([])).toEqual({ browser: false, port: null, demo: false });
    expect(parseLaunchOptions(['--browser', '--port', '8123'])).toEqual({ browser: true, port: 8123, demo: false });
    expect(parseLaunchOptions(['--port=9000', '--demo'])).toEqual({ browser: false, port: 9000, demo: true });
  });

  it('refuses a bad port or an unknown flag', () => {
    expect(() => parseLaunchOptions(['--port', 'eighty'])).toThrow(/--port needs a whole number/);
    expect(() => parseLaunchOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseLaunchOptions(['--port'])).toThrow(/--port/);
    expect(() => parseLaunchOptions(['--dmeo'])).toThrow(/Unknown option "--dmeo"/);
  });
});

describe('data folder', () => {
  it('is RESKONTRA_DATA_DIR when set', () => {
    expect(resolveDataDir({ RESKONTRA_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x');
  });

  it('is the OS application-data folder otherwise', () => {
    expect(resolveDataDir({ HOME: '/home/ann' }, 'linux')).toBe('/home/ann/.config/Reskontra');
    expect(resolveDataDir({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Reskontra');
    expect(resolveDataDir({ HOME: '/home/ann' }, 'linux', true)).toBe('/home/ann/.config/Reskontra Demo');
    expect(resolveDataDir({ HOME: '/Users/ann' }, 'darwin')).toBe('/Users/ann/Library/Application Support/Reskontra');
    expect(resolveDataDir({ HOME: 'C:\\Users\\ann', APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Reskontra$/);
  });
});

describe('language', () => {
  it('follows the first OS language Reskontra speaks', () => {
    expect(pickLocale(['sv-SE', 'en-US'])).toBe('sv');
    expect(pickLocale(['de-DE', 'nl-BE'])).toBe('nl');
    expect(pickLocale(['fi'])).toBe('fi');
    expect(pickLocale(['de-DE'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
