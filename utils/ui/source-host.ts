import { t } from './i18n';

/** The site a story's link goes to, as a reader names it ("smileband.co.uk"); "the site" when unreadable. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return t('theSite');
  }
}
