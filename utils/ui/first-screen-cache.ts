import type { StoryMeta } from '../feed/types';
import type { Settings } from '../settings/settings-defaults';
import type { PollStatus } from '../storage';
import { recall, remember } from './page-local-storage';

// What the popup showed last time, so its next opening paints at once, before the extension
// storage answers (two round trips to the browser). Storage replaces it within a frame or two.
const KEY = 'smileband-news:first-screen';

/** What of the settings the list's first screen shows: the reader's rules and where stories open. */
export type FirstScreenView = Pick<Settings, 'labelRules' | 'keywordRules' | 'openIn'>;

export interface FirstScreen {
  stories: StoryMeta[];
  status: PollStatus;
  /** Absent in a copy from before it was kept, or when the copy of it is not sound. */
  view?: FirstScreenView;
}

export function readFirstScreen(): FirstScreen | undefined {
  return recall(KEY, (value) => {
    const screen = value as FirstScreen | null;
    if (!screen || !Array.isArray(screen.stories) || !screen.status) return undefined;
    return { stories: screen.stories, status: screen.status, view: soundView(screen.view) };
  });
}

function soundView(view: FirstScreenView | undefined): FirstScreenView | undefined {
  const labels = view?.labelRules as unknown;
  const sound =
    Array.isArray(view?.keywordRules) && typeof labels === 'object' && labels !== null && !Array.isArray(labels);
  return sound ? view : undefined;
}

export function writeFirstScreen(screen: FirstScreen): void {
  remember(KEY, screen);
}
