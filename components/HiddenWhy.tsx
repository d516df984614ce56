import { browser } from 'wxt/browser';
import { t } from '@/utils/ui/i18n';

/** At the top of the Hidden view: why its stories are there, and where the rules are changed. */
export function HiddenWhy() {
  return (
    <p class="view-why">
      {t('hiddenWhy')}{' '}
      <button type="button" class="quiet" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('editRules')}
      </button>
    </p>
  );
}
