import { Component, createElement, type FunctionComponent } from 'preact';

/**
 * Skips re-rendering a component whose props are all the same (===) as last time: what
 * preact/compat's memo does, without pulling compat into the popup bundle.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const previous = this.props as Record<string, unknown>;
      const props = next as Record<string, unknown>;
      for (const key in props) if (key !== 'children' && props[key] !== previous[key]) return true;
      for (const key in previous) if (!(key in props)) return true;
      return false;
    }
    override render(props: P) {
      return createElement(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
