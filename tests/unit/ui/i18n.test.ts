import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, uiLocale } from '@/utils/ui/i18n';
import { useUiLocale } from '../../support/i18n';

afterEach(() => {
  vi.restoreAllMocks();
  useUiLocale('en');
});

describe('t: the words a reader sees', () => {
  it('fills a message’s places in order, numbers as digits', () => {
    expect(t('errHttp', ['example.org', 503])).toBe('example.org answered 503.');
    useUiLocale('de');
    expect(t('errHttp', ['example.org', 503])).toBe('example.org antwortete mit 503.');
  });

  it('shows the message name rather than a blank when a message is missing', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(t('errOffline')).toBe('errOffline');
  });

  it('asks the browser once per string: thirty rows of the same labels are one call each', () => {
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    for (let row = 0; row < 30; row++) {
      expect(t('markRead')).toBe('Mark as read');
      expect(t('labelFilterHint', row % 2 ? 'UK' : 'World')).toContain(row % 2 ? 'UK' : 'World');
    }
    expect(asked).toHaveBeenCalledTimes(3);
  });
});

describe('uiLocale: the language dates and times are written in', () => {
  it('is the browser’s UI language', () => {
    useUiLocale('de');
    expect(uiLocale()).toBe('de');
  });

  it('falls back to English when the browser gives none or cannot answer', () => {
    const language = vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('');
    expect(uiLocale()).toBe('en');
    language.mockImplementation(() => {
      throw new Error('i18n is not available here');
    });
    expect(uiLocale()).toBe('en');
  });
});
