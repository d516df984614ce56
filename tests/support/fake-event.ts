// A browser event the fake browser lacks (commands, context menus, notification clicks): keeps its
// listeners and fires them on demand, handing back what each returned.
type Listener = (...args: never[]) => unknown;

export function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => listeners.push(listener),
    fire: (...args: unknown[]) => listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args)),
  };
}
