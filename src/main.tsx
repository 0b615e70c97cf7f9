import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { initI18n } from '@/i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  void initI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    // Offline support after the first screen is up (its own small chunk).
    void import('./app/register-sw').then((m) => m.registerServiceWorker());
  });
}
