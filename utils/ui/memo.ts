import { Component, createElement, type FunctionComponent } from 'preact';

/**
 * Skips re-rendering a component whose props are all the same (===) as last time: what
 * preact/compat's memo does, without pulling compat into the popup bundle. For a component always
 * given the same set of props (one JSX call, as the list's rows are): a prop left out is not seen.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const previous = this.props as Record<string, unknown>;
      const props = next as Record<string, unknown>;
      for (const key in props) if (props[key] !== previous[key]) return true;
      return false;
    }
    override render(props: P) {
      return createElement(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
