import { render } from 'preact';
import { Popup } from './Popup';
import './style.css';

render(<Popup />, document.getElementById('app')!);
