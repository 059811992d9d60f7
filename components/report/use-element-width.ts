"use client";
import { useCallback, useEffect, useState } from "react";

/**
 * The width of an element as laid out, `initial` until it is measured (on the server, and in tests, where
 * nothing is), and kept up to date as it resizes. Attach the returned ref to the element.
 */
export function useElementWidth<T extends HTMLElement>(initial: number) {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  const ref = useCallback((node: T | null) => setElement(node), []);
  useEffect(() => {
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = entry?.contentRect.width;
      if (measured) setWidth(Math.round(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width] as const;
}
