export interface StoryToolbarProps {
  hasPrevious: boolean;
  hasNext: boolean;
  canShrink: boolean;
  canGrow: boolean;
  onList: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onShrink: () => void;
  onGrow: () => void;
}

/** Navigation and text size above a story. */
export function StoryToolbar(props: StoryToolbarProps) {
  return (
    <nav class="toolbar" aria-label="Story navigation">
      <button type="button" onClick={props.onList} aria-label="All stories" title="All stories">
        ☰
      </button>
      <button
        type="button"
        onClick={props.onPrevious}
        disabled={!props.hasPrevious}
        aria-label="Previous story"
        title="Previous story (← or k)"
      >
        ‹
      </button>
      <button
        type="button"
        onClick={props.onNext}
        disabled={!props.hasNext}
        aria-label="Next story"
        title="Next story (→ or j)"
      >
        ›
      </button>
      <span class="spacer" />
      <button type="button" onClick={props.onShrink} disabled={!props.canShrink} title="Smaller text">
        <span aria-hidden="true">A−</span>
        <span class="visually-hidden">Smaller text</span>
      </button>
      <button type="button" onClick={props.onGrow} disabled={!props.canGrow} title="Larger text">
        <span aria-hidden="true">A+</span>
        <span class="visually-hidden">Larger text</span>
      </button>
    </nav>
  );
}
