// Kept apart from headline.ts so the pages can use it without the worker's text scanner.
// A picture's credit or caption line ("Photo: Reuters", "Image credit: …", "© AP"): not a headline.
export const CREDIT_LINE =
  /^(?:©|\(c\)\s|(?:(?:photo|image|picture|pic|video)s?\s*(?:credits?|courtesy|source)?|credits?|source)\s*[:：]|(?:photo|image|picture)s?\s+(?:by|via|courtesy of)\s)/i;
