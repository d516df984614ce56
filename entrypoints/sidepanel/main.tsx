import { render } from 'preact';
import { SidePanel } from './SidePanel';
import '@/components/theme.css';
import { t } from '@/utils/i18n';
import './style.css';

// The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
document.title = t('extName');
render(<SidePanel itemId={new URLSearchParams(location.search).get('item')} />, document.getElementById('app')!);
