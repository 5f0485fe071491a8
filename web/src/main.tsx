import { render } from 'preact';
import { App } from './components/App';
import { languageReady } from './i18n';
import { startApp } from './state/app';
import './styles.css';

startApp();
const root = document.getElementById('app');
// English is a separate chunk: a visitor who chose it gets it before the first render.
if (root) void languageReady().then(() => render(<App />, root));
