// Text settings, under the story's toolbar: font, size, line spacing, column width and theme, each
// shown on the story as it is chosen (the panel watches what this writes) and remembered. The side
// panel writes readingStyle and readerFontScale, nothing else does.
import { FONT_SCALES, readerFontScaleItem, readingStyleItem, type ReadingStyle } from '@/utils/storage';
import { t } from '@/utils/ui/i18n';
import { h } from './dom';

type Choice = {
  [K in keyof ReadingStyle]: { key: K; legend: string; options: [ReadingStyle[K], string][] };
}[keyof ReadingStyle];

const CHOICES = (): Choice[] => [
  {
    key: 'font',
    legend: t('textFont'),
    options: [
      ['serif', t('fontSerif')],
      ['sans', t('fontSans')],
    ],
  },
  {
    key: 'spacing',
    legend: t('textSpacing'),
    options: [
      ['tight', t('spacingTight')],
      ['normal', t('spacingNormal')],
      ['loose', t('spacingLoose')],
    ],
  },
  {
    key: 'width',
    legend: t('textWidth'),
    options: [
      ['narrow', t('widthNarrow')],
      ['medium', t('widthMedium')],
      ['wide', t('widthWide')],
    ],
  },
  {
    key: 'theme',
    legend: t('textTheme'),
    options: [
      ['system', t('themeSystem')],
      ['light', t('themeLight')],
      ['sepia', t('themeSepia')],
      ['dark', t('themeDark')],
    ],
  },
];

export interface TextSettingsPanel {
  close(): void;
}

/**
 * Opens the panel in the page's `.text-slot`; `onClose` is told when it closes (Done, Escape, a
 * click outside it), after focus went back to `opener`.
 */
export async function textSettings(opener: HTMLElement | null, onClose: () => void): Promise<TextSettingsPanel> {
  const slot = document.querySelector<HTMLElement>('.text-slot')!;
  let [style, scale] = await Promise.all([readingStyleItem.getValue(), readerFontScaleItem.getValue()]);
  const sizeLabel = h('span', { class: 'text-size', 'aria-live': 'polite' });
  // "A−" and "A+" are seen; the name is said (and so includes no text that is not).
  const sizeButton = (shown: string, name: string, by: number) =>
    h(
      'button',
      { type: 'button', title: name, click: () => step(by) },
      h('span', { 'aria-hidden': 'true' }, shown),
      h('span', { class: 'visually-hidden' }, name),
    );
  const smaller = sizeButton('A−', t('smallerText'), -1);
  const larger = sizeButton('A+', t('largerText'), 1);
  const showSize = () => {
    sizeLabel.textContent = `${Math.round(scale * 100)} %`;
    smaller.disabled = scale <= FONT_SCALES[0];
    larger.disabled = scale >= FONT_SCALES[FONT_SCALES.length - 1]!;
  };
  const step = (by: number) => {
    const at = FONT_SCALES.indexOf(scale as (typeof FONT_SCALES)[number]);
    scale = FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, (at < 0 ? 1 : at) + by))]!;
    showSize();
    void readerFontScaleItem.setValue(scale);
  };
  const choose = (key: keyof ReadingStyle, value: string) => {
    style = { ...style, [key]: value };
    void readingStyleItem.setValue(style);
  };
  const fieldsets = CHOICES().map(({ key, legend, options }) =>
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      ...options.map(([value, words]) =>
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: `text-${key}`,
            value,
            checked: style[key] === value,
            change: () => choose(key, value),
          }),
          words,
        ),
      ),
    ),
  );
  const panel = h(
    'div',
    { class: 'text-settings', role: 'dialog', 'aria-label': t('textSettings') },
    h('fieldset', {}, h('legend', {}, t('textSize')), smaller, sizeLabel, larger),
    ...fieldsets,
    h('button', { type: 'button', class: 'primary', click: () => close() }, t('textDone')),
  );
  showSize();
  slot.replaceChildren(panel);
  panel.querySelector('input')?.focus();

  // Escape closes it (before the story's own keys, where Escape goes to the list); so does a click elsewhere.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    close();
  };
  const onPointer = (event: Event) => {
    if (!panel.contains(event.target as Node) && !opener?.contains(event.target as Node)) close();
  };
  addEventListener('keydown', onKey, true);
  addEventListener('pointerdown', onPointer, true);
  let open = true;
  function close() {
    if (!open) return;
    open = false;
    removeEventListener('keydown', onKey, true);
    removeEventListener('pointerdown', onPointer, true);
    const hadFocus = panel.contains(document.activeElement);
    panel.remove();
    if (hadFocus) opener?.focus();
    onClose();
  }
  return { close };
}
