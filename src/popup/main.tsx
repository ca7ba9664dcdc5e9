import { render } from 'preact';

render(<main><h1>Qualitor SOP Assist</h1></main>, document.getElementById('app')!);
