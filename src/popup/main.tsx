import { render } from 'preact';
import { App } from './App.tsx';
import './popup.css';

render(<App />, document.getElementById('app')!);
