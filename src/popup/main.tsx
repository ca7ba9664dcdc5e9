import { render } from 'preact';
import { App } from './App.tsx';
import '../ui/visually-hidden.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
