/** Renderer entry: mounts the app into index.html's #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { keepAriaHiddenWithModals } from './a11y/modal-aria-hidden.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');

// Before React renders anything: no focusable content may stay aria-hidden once a dialog closes.
keepAriaHiddenWithModals();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
