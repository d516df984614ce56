// The reader's tools (Listen, Text settings) draw their controls in plain DOM: they come in a
// script of their own, loaded on the first press, and the panel's Preact stays out of that script
// (the panel's first paint carries none of them).

type Props = Record<string, string | boolean | ((event: Event) => void)>;

/** An element with attributes (a boolean toggles one), listeners (a function) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props, ...children: (Node | string)[]) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name, value);
    else if (typeof value === 'boolean') element.toggleAttribute(name, value);
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}
