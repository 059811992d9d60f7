"use client";
import { useEffect, useState } from "react";

/**
 * Seconds left of `seconds`, counted from when `key` last changed, ticking once a second down to 0.
 * A new key (a new error) starts a new countdown.
 */
export function useCountdown(seconds: number | undefined, key: unknown): number {
  const total = seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
  const [state, setState] = useState({ key, total, left: total });
  if (state.key !== key || state.total !== total) setState({ key, total, left: total });

  useEffect(() => {
    if (total <= 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const left = Math.max(0, total - Math.floor((Date.now() - started) / 1000));
      setState((current) => (current.key === key ? { ...current, left } : current));
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [key, total]);

  return state.key === key && state.total === total ? state.left : total;
}
