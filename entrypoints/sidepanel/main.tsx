import { render } from 'preact';
import { SidePanel } from './SidePanel';
import '@/components/theme.css';
import './style.css';

render(<SidePanel itemId={new URLSearchParams(location.search).get('item')} />, document.getElementById('app')!);
