import type { StoryMeta } from '../feed/types';
import type { PollStatus } from '../storage';
import { recall, remember } from './page-memory';

// What the popup showed last time, so its next opening paints at once, before the extension
// storage answers (two round trips, ~100 ms). Storage replaces it within a frame or two.
const KEY = 'smileband-news:first-screen';

export interface FirstScreen {
  stories: StoryMeta[];
  status: PollStatus;
}

export function readFirstScreen(): FirstScreen | undefined {
  return recall(KEY, (value) => {
    const screen = value as FirstScreen | null;
    return screen && Array.isArray(screen.stories) && screen.status ? screen : undefined;
  });
}

export function writeFirstScreen(screen: FirstScreen): void {
  remember(KEY, screen);
}
