// The pages' small hooks, as a page uses them: what the reader would see change, and nothing left
// running once a page closes (a timer or a storage watch that outlives its page).
import { act, render, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { useAfterPaint } from '@/utils/ui/use-after-paint';
import { useExpiring } from '@/utils/ui/use-expiring';
import { useLazy } from '@/utils/ui/use-lazy';
import { useNow } from '@/utils/ui/use-now';
import { useStored } from '@/utils/ui/use-stored';
import { FIRST_ROWS, MORE_ROWS, useRowsOnScroll } from '@/utils/ui/use-rows-on-scroll';

describe('hooks on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-30T12:00:40Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('useNow', () => {
    it('gives the time rounded down to its step, and moves on within a quarter step of the next', async () => {
      const { result } = renderHook(() => useNow(60_000));
      expect(result.current).toBe(Date.parse('2026-11-30T12:00:00Z'));
      // 12:00:40 + 15 s: still the same minute.
      await act(() => {
        vi.advanceTimersByTime(15_000);
      });
      expect(result.current).toBe(Date.parse('2026-11-30T12:00:00Z'));
      // 12:01:10, the second check after the minute turned (at 12:01:00 no check was due).
      await act(() => {
        vi.advanceTimersByTime(15_000);
      });
      expect(result.current).toBe(Date.parse('2026-11-30T12:01:00Z'));
    });

    it('steps by a minute when no step is given', async () => {
      const { result } = renderHook(() => useNow());
      expect(result.current).toBe(Date.parse('2026-11-30T12:00:00Z'));
      await act(() => {
        vi.advanceTimersByTime(30_000);
      });
      expect(result.current).toBe(Date.parse('2026-11-30T12:01:00Z'));
    });

    it('follows a new step, and leaves no timer behind when the page closes', async () => {
      const { result, rerender, unmount } = renderHook(({ step }) => useNow(step), {
        initialProps: { step: 60_000 },
      });
      rerender({ step: 1000 });
      await act(() => {
        vi.advanceTimersByTime(250);
      });
      expect(result.current).toBe(Date.parse('2026-11-30T12:00:40Z'));
      // The old step's timer gave way to the new one.
      expect(vi.getTimerCount()).toBe(1);
      unmount();
      // Let Preact's own scheduling run out; a forgotten interval would still be there.
      await act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('useExpiring', () => {
    it('clears a value after its time, counting again from each new value', async () => {
      const { result } = renderHook(() => useExpiring<string>(8000));
      await act(() => {
        result.current[1]('Undo mark all read');
      });
      await act(() => {
        vi.advanceTimersByTime(7000);
      });
      await act(() => {
        result.current[1]('Link copied');
      });
      await act(() => {
        vi.advanceTimersByTime(7999);
      });
      expect(result.current[0]).toBe('Link copied');
      await act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(result.current[0]).toBeNull();
    });

    it('runs no timer while empty, and none after the page closes', async () => {
      const { result, unmount } = renderHook(() => useExpiring<string>(8000));
      await act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(vi.getTimerCount()).toBe(0);
      await act(() => {
        result.current[1]('Undo');
      });
      await act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(vi.getTimerCount()).toBe(1);
      unmount();
      await act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('useAfterPaint', () => {
    it('turns true only after a frame has been painted', async () => {
      const { result } = renderHook(() => useAfterPaint());
      expect(result.current).toBe(false);
      await act(() => {
        vi.advanceTimersToNextFrame();
      });
      expect(result.current).toBe(false);
      await act(() => {
        vi.runOnlyPendingTimers();
      });
      expect(result.current).toBe(true);
      // Painted once is painted: no frame is asked for again.
      const after = vi.getTimerCount();
      await act(() => {
        vi.runOnlyPendingTimers();
      });
      expect(vi.getTimerCount()).toBeLessThanOrEqual(after);
      expect(result.current).toBe(true);
    });

    it('waits while not ready, and counts the frame from when it becomes ready', async () => {
      const { result, rerender } = renderHook(({ ready }) => useAfterPaint(ready), { initialProps: { ready: false } });
      await act(() => {
        vi.runAllTimers();
      });
      expect(result.current).toBe(false);
      rerender({ ready: true });
      expect(result.current).toBe(false);
      await act(() => {
        vi.runAllTimers();
      });
      expect(result.current).toBe(true);
    });
  });
});

describe('useStored', () => {
  const item = storage.defineItem<number[]>('local:hookTest', { fallback: [] });

  it('is undefined until read, then follows every change', async () => {
    await item.setValue([1]);
    const { result } = renderHook(() => useStored(item));
    expect(result.current).toBeUndefined();
    await vi.waitFor(() => expect(result.current).toEqual([1]));
    await act(() => item.setValue([1, 2]));
    await vi.waitFor(() => expect(result.current).toEqual([1, 2]));
  });

  it('reads nothing while held back, and reads once let go', async () => {
    await item.setValue([1]);
    const read = vi.fn((it: typeof item) => it.getValue());
    const { result, rerender } = renderHook(({ enabled }) => useStored(item, { enabled, read }), {
      initialProps: { enabled: false },
    });
    await act(() => item.setValue([1, 2]));
    expect(read).not.toHaveBeenCalled();
    expect(result.current).toBeUndefined();
    rerender({ enabled: true });
    await vi.waitFor(() => expect(result.current).toEqual([1, 2]));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('starts from a value at hand without reading it, then follows every change', async () => {
    await item.setValue([1]);
    const read = vi.fn((it: typeof item) => it.getValue());
    const { result } = renderHook(() => useStored(item, { read, peek: () => ({ value: [1] }) }));
    expect(result.current).toEqual([1]);
    await act(() => item.setValue([1, 2]));
    await vi.waitFor(() => expect(result.current).toEqual([1, 2]));
    expect(read).not.toHaveBeenCalled();
  });

  it('reads the next item it is given after a first value at hand', async () => {
    const other = storage.defineItem<number[]>('local:hookTestOther', { fallback: [] });
    await other.setValue([7]);
    const { result, rerender } = renderHook(({ it }) => useStored(it, { peek: () => ({ value: [1] }) }), {
      initialProps: { it: item },
    });
    expect(result.current).toEqual([1]);
    rerender({ it: other });
    await vi.waitFor(() => expect(result.current).toEqual([7]));
  });

  it('reads as usual when nothing is at hand, and takes nothing at hand while held back', async () => {
    await item.setValue([3]);
    const peek = vi.fn(() => undefined);
    const { result } = renderHook(() => useStored(item, { peek }));
    expect(result.current).toBeUndefined();
    await vi.waitFor(() => expect(result.current).toEqual([3]));
    const held = vi.fn(() => ({ value: [9] }));
    const { result: heldBack } = renderHook(() => useStored(item, { enabled: false, peek: held }));
    expect(heldBack.current).toBeUndefined();
    expect(held).not.toHaveBeenCalled();
  });

  it('passes each new value through reconcile with the one before', async () => {
    await item.setValue([1]);
    const reconcile = vi.fn((previous: number[] | undefined, next: number[]) => [...(previous ?? []), ...next]);
    const { result } = renderHook(() => useStored(item, { reconcile }));
    await vi.waitFor(() => expect(result.current).toEqual([1]));
    await act(() => item.setValue([2]));
    await vi.waitFor(() => expect(result.current).toEqual([1, 2]));
  });

  it('stops watching when the page closes', async () => {
    await item.setValue([1]);
    const reconcile = vi.fn((_previous: number[] | undefined, next: number[]) => next);
    const { result, unmount } = renderHook(() => useStored(item, { reconcile }));
    await vi.waitFor(() => expect(result.current).toEqual([1]));
    unmount();
    reconcile.mockClear();
    await item.setValue([2]);
    await new Promise((done) => setTimeout(done, 10));
    expect(reconcile).not.toHaveBeenCalled();
  });

  it('drops a first read that answers after the page closed', async () => {
    let answer: (value: number[]) => void = () => {};
    const read = () => new Promise<number[]>((resolve) => (answer = resolve));
    const reconcile = vi.fn((_previous: number[] | undefined, next: number[]) => next);
    const { unmount } = renderHook(() => useStored(item, { reconcile, read }));
    unmount();
    answer([3]);
    await new Promise((done) => setTimeout(done, 10));
    expect(reconcile).not.toHaveBeenCalled();
  });
});

describe('useRowsOnScroll', () => {
  type Watch = { callback: IntersectionObserverCallback; options: IntersectionObserverInit; watched: Element[] };
  let watches: Watch[] = [];

  beforeEach(() => {
    watches = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private readonly watch: Watch;
        constructor(callback: IntersectionObserverCallback, options: IntersectionObserverInit) {
          this.watch = { callback, options, watched: [] };
          watches.push(this.watch);
        }
        observe(target: Element) {
          this.watch.watched.push(target);
        }
        disconnect() {
          this.watch.watched = [];
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderList(scrolls: boolean) {
    let limit = 0;
    const Probe = () => {
      const rows = useRowsOnScroll(2000);
      limit = rows.limit;
      return (
        <div class="list-scroll" style={scrolls ? 'overflow-y: auto' : ''}>
          <ul>
            <li ref={rows.sentinel} />
          </ul>
        </div>
      );
    };
    const view = render(<Probe />);
    return { view, limit: () => limit };
  }

  const live = () => watches.filter((watch) => watch.watched.length > 0);

  it('draws a first screenful, and a hundred more each time the end comes near', async () => {
    const { limit } = renderList(true);
    expect(limit()).toBe(FIRST_ROWS);
    await act(() => {
      live()[0]!.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as never);
    });
    expect(limit()).toBe(FIRST_ROWS + MORE_ROWS);
    await act(() => {
      live()[0]!.callback([{ isIntersecting: false } as IntersectionObserverEntry], {} as never);
    });
    expect(limit()).toBe(FIRST_ROWS + MORE_ROWS);
    // One watch at a time: the old one goes when the limit changes.
    expect(live()).toHaveLength(1);
  });

  it('looks ahead inside the list’s box when it scrolls (the popup), in the page otherwise (the side panel)', () => {
    renderList(true);
    expect((live()[0]!.options.root as HTMLElement).className).toBe('list-scroll');
    expect(live()[0]!.options.rootMargin).toBe('0px 0px 1200px');
    watches = [];
    renderList(false);
    expect(live()[0]!.options.root).toBeNull();
  });

  it('stops watching when the page closes', async () => {
    const { view } = renderList(true);
    expect(live()).toHaveLength(1);
    await act(() => {
      view.unmount();
    });
    expect(live()).toHaveLength(0);
  });

  it('watches nothing while the list has no end to watch', () => {
    const Bare = () => {
      useRowsOnScroll(0);
      return null;
    };
    render(<Bare />);
    expect(watches).toHaveLength(0);
  });
});

describe('useLazy', () => {
  it('loads the module once, when it is first wanted, and keeps it when no longer wanted', async () => {
    const module = { feature: 'list end' };
    const load = vi.fn(() => Promise.resolve(module));
    const { result, rerender } = renderHook(({ when }: { when: boolean }) => useLazy(load, when), {
      initialProps: { when: false },
    });
    expect(load).not.toHaveBeenCalled();
    expect(result.current).toBeNull();
    rerender({ when: true });
    await act(() => Promise.resolve());
    expect(result.current).toBe(module);
    rerender({ when: false });
    rerender({ when: true });
    await act(() => Promise.resolve());
    expect(load).toHaveBeenCalledOnce();
    expect(result.current).toBe(module);
  });
});
