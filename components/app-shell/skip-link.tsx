"use client";

/**
 * "Skip to content", the first thing Tab reaches on every page (app/layout.tsx): off screen until focused.
 * Its target is the page's main landmark, `<main id="main">`. Pages whose `<main>` has no id yet (the sign-in
 * card, the client share pages) are found by element, so the link works there too once the page runs.
 * The landmark takes focus so a screen reader reads on from there and Tab goes on from there; it is
 * focusable (tabindex -1) only until focus leaves it, or every click on its text would focus it.
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="fixed left-3 top-3 z-50 -translate-y-24 rounded-md bg-surface px-3 py-2 text-sm font-medium text-ink shadow-lg ring-2 ring-accent focus:translate-y-0 print:hidden"
      onClick={(event) => {
        const main = document.getElementById("main") ?? document.querySelector("main");
        if (!main) return;
        event.preventDefault();
        if (!main.hasAttribute("tabindex")) {
          main.setAttribute("tabindex", "-1");
          main.addEventListener("blur", () => main.removeAttribute("tabindex"), { once: true });
        }
        main.focus();
      }}
    >
      Skip to content
    </a>
  );
}
