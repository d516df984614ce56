import { NAMED } from './html-entities';

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

/**
 * Decodes character references in HTML text: numeric ones and the named ones feeds use (see
 * html-entities.ts). Unknown names stay as written. Also stands in for the `entities` package in
 * the worker bundle (wxt.config.ts), which is 75 kB for names no feed sends.
 */
export function decodeHTML(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    const code = name ? NAMED.get(name) : decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    if (code === undefined) return whole;
    // Out of range, surrogates and NUL become the replacement character, as browsers do.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}
