import type { BrowserContext } from 'playwright-core';

/** A landscape in the story pictures' place: no network here, and the pictures should look real. */
export const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 16 9">
  <defs><linearGradient id="sky" x2="0" y2="1"><stop offset="0" stop-color="#0b1f4d"/><stop offset="1" stop-color="#3b6fd8"/></linearGradient></defs>
  <rect width="16" height="9" fill="url(#sky)"/><circle cx="12" cy="2.5" r="1" fill="#f4f1de"/>
  <path d="M0 9 5 4.5 8 7 11 5 16 9z" fill="#1d2d44"/></svg>`;

/** Answers every Blogger picture request in `context` with the stand-in. */
export async function standInPictures(context: BrowserContext): Promise<void> {
  await context.route('https://blogger.googleusercontent.com/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: PICTURE }),
  );
}
