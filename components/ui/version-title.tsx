type Props = {
  /** The element: a saved report's history gives each version a heading; a dashboard's a paragraph. */
  as: "h3" | "p";
  version: number;
  /** The version on screen, which has no Restore. */
  current: boolean;
  className?: string;
  /** Added to the "(current)" marker's classes, e.g. a smaller type size. */
  markerClassName?: string;
};

/**
 * How a history names one of its versions: "Version 3", marked "(current)" when it is the one on screen.
 * Saved reports' and dashboards' histories share it so the two name and mark versions alike.
 */
export function VersionTitle({ as: Element, version, current, className = "", markerClassName = "" }: Props) {
  return (
    <Element className={className}>
      Version {version}
      {current ? <span className={`ml-2 font-normal text-muted ${markerClassName}`}>(current)</span> : null}
    </Element>
  );
}
