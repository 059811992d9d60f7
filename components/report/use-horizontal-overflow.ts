"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export type HorizontalOverflow = {
  /** The content is wider than the box: some columns are out of sight. */
  overflows: boolean;
  /** Scrolled to the right-hand end (or nothing to scroll). */
  atEnd: boolean;
};

const NONE: HorizontalOverflow = { overflows: false, atEnd: true };

function measure(element: HTMLElement): HorizontalOverflow {
  const overflows = element.scrollWidth > element.clientWidth + 1;
  return { overflows, atEnd: !overflows || element.scrollLeft + element.clientWidth >= element.scrollWidth - 1 };
}

/**
 * Whether a scrolling box hides content to its right, kept up to date as it scrolls and as it or its
 * content resizes (a phone turned, more rows shown). Attach the returned ref to the box.
 */
export function useHorizontalOverflow<T extends HTMLElement>() {
  const [element, setElement] = useState<T | null>(null);
  const [state, setState] = useState<HorizontalOverflow>(NONE);
  const frame = useRef<number | null>(null);
  const ref = useCallback((node: T | null) => setElement(node), []);

  useEffect(() => {
    if (!element) return;
    const update = () => {
      const next = measure(element);
      setState((current) => (current.overflows === next.overflows && current.atEnd === next.atEnd ? current : next));
    };
    // Measured once laid out, then on every change that can move the right-hand edge.
    frame.current = requestAnimationFrame(update);
    element.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      element.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
      observer?.disconnect();
    };
  }, [element]);

  return [ref, state] as const;
}
