import { render } from 'preact';
import { App } from './components/App';
import { startApp } from './state/app';
import './styles.css';

startApp();
const root = document.getElementById('app');
if (root) render(<App />, root);
