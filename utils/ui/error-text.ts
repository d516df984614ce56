import type { PollError } from '../feed/types';
import { t } from './i18n';

/** What failed, in the reader's language (the English `message` is for logs). */
export function describeError(error: PollError): string {
  const { host, limit, status, detail } = error;
  switch (error.kind) {
    case 'offline':
      return t('errOffline');
    case 'network':
      return t('errNetwork', host);
    case 'timeout':
      return t('errTimeout', [host, limit]);
    case 'http':
      return detail ? t('errHttpText', [host, status, detail]) : t('errHttp', [host, status]);
    case 'too-large':
      return t('errTooLarge', limit);
    case 'storage':
      return t('errStorage', detail);
    case 'not-a-feed':
      if (error.reason === 'empty') return t('errFeedEmpty');
      if (error.reason === 'html') return t('errFeedHtml');
      if (error.reason === 'not-xml') return t('errFeedNotXml');
      if (error.reason === 'not-feed') return t('errFeedNotFeed');
      return t('errFeedMalformed', detail);
  }
  return error.message;
}
