"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { controlClass } from "./control-field";

export type AddChoice<V extends string> = { value: V; label: string };

/** Keys that never move a closed select's choice: Enter commits one, Tab and Escape leave or drop it. */
const NOT_MOVING = new Set(["Enter", "Tab", "Escape", "Shift", "Control", "Alt", "Meta"]);

/**
 * A native select whose choice is an action ("add this field"), back on its placeholder afterwards.
 *
 * Firefox and Chrome on Windows move a closed select's choice on ArrowUp/ArrowDown, Home/End or a typed
 * letter and fire `change` as that key's default action: adding there would add the first field on the
 * first ArrowDown. A change that follows a key press in the same task is only shown, with "Press Enter to
 * add"; Enter adds it, Escape or leaving the select drops it. A click on an option, a pick in the opened
 * list (the browser's own popup, whose keys the page never sees) and a script's selectOption add at once.
 */
export function AddChoiceSelect<V extends string>({
  label,
  placeholder,
  choices,
  onAdd,
  describedBy,
  selectRef,
}: {
  /** The select's accessible name. */
  label: string;
  /** The option it shows when nothing is being added ("Add a field…"). */
  placeholder: string;
  choices: readonly AddChoice<V>[];
  onAdd: (choice: V) => void;
  /** Other descriptions (messages) the select points at. */
  describedBy?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const hintId = useId();
  const [pending, setPending] = useState<V | "">("");
  // True from a key press until the browser has run its default action (a later task).
  const keyed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const pendingLabel = choices.find((choice) => choice.value === pending)?.label;

  function onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
    if (event.key === "Enter") {
      if (pending) {
        setPending("");
        onAdd(pending);
      }
      return;
    }
    if (event.key === "Escape") {
      if (pending) setPending("");
      return;
    }
    if (NOT_MOVING.has(event.key) || event.ctrlKey || event.metaKey) return;
    keyed.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      keyed.current = false;
    }, 0);
  }

  return (
    <>
      <select
        ref={selectRef}
        aria-label={label}
        aria-describedby={[describedBy, pendingLabel ? hintId : null].filter(Boolean).join(" ") || undefined}
        className={controlClass}
        value={pending}
        onKeyDown={onKeyDown}
        onBlur={() => setPending("")}
        onChange={(event) => {
          const choice = event.target.value as V | "";
          if (keyed.current) {
            setPending(choice);
          } else if (choice) {
            setPending("");
            onAdd(choice);
          }
        }}
      >
        <option value="">{placeholder}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {/* Always there: a live region added with its text is not read out by every screen reader. */}
      <p id={hintId} aria-live="polite" className="text-xs text-muted">
        {pendingLabel ? `Press Enter to add ${pendingLabel}.` : ""}
      </p>
    </>
  );
}
