import type { HTMLAttributes } from "react";

/** A bordered surface. `padded={false}` for content that brings its own spacing (tables). */
export function Card({ className = "", padded = true, ...props }: HTMLAttributes<HTMLDivElement> & { padded?: boolean }) {
  return <div className={`rounded-lg border border-line bg-surface shadow-sm ${padded ? "p-4" : ""} ${className}`} {...props} />;
}
