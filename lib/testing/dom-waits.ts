/**
 * Vitest setup for every test file: in the DOM tests (jsdom), `findBy…` and `waitFor` wait up to 5 s for
 * what a user would see. Testing Library's default of 1 s is less than a busy CI machine can take to
 * transform a lazily loaded chart or board the first time it is needed, and a wait that passes at 50 ms
 * here passes at 5 s too: only a test that would have failed anyway takes longer.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5_000 });
