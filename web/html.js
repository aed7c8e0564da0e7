// The one way the app writes markup: htm's tagged templates bound to Preact's h().
import { h, render } from "./vendor/preact.mjs";
import htm from "./vendor/htm.mjs";

/** html`<p>${text}</p>`: JSX-like templates without a build step. */
export const html = htm.bind(h);
export { render };
