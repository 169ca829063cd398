// Entry point: mounts the app into #app. No inline scripts, so it runs under a strict CSP.
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("Waymark: #app is missing from index.html");

/** The mounted root component. */
export default mount(App, { target });
