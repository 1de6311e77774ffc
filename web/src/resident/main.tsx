import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './react19.ts';
import '../shared/i18n.ts';
import './i18n.ts';
import './resident.css';
import { ResidentApp } from './App.tsx';
import { applyElderly, deviceElderly } from './elderly.ts';

// Before anything renders, so the sign-in page is already large for whoever needs it.
applyElderly(deviceElderly());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentApp />
  </StrictMode>,
);
