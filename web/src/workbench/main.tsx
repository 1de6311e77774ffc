import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/i18n.ts';
import './i18n.ts';
import './workbench.css';
import { WorkbenchApp } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkbenchApp />
  </StrictMode>,
);
