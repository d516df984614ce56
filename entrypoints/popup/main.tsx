import { render } from 'preact';
import { Popup } from './Popup';
import '@/components/theme.css';
import './style.css';

render(<Popup />, document.getElementById('app')!);
