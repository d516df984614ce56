import type { StoryMeta } from '../feed/types';
import type { PollStatus } from '../storage';

// What the popup showed last time, kept in the page's own localStorage so its next opening paints
// at once, before the extension storage answers (two round trips, ~100 ms). A copy for painting
// only: storage replaces it within a frame or two and stays the source of truth.
const KEY = 'smileband-news:first-screen';

export interface FirstScreen {
  stories: StoryMeta[];
  status: PollStatus;
}

export function readFirstScreen(): FirstScreen | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as FirstScreen | null;
    return value && Array.isArray(value.stories) && value.status ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeFirstScreen(screen: FirstScreen): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(screen));
  } catch {
    // Full or unavailable: the popup just paints a moment later next time.
  }
}
