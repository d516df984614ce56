import { render } from 'preact';
import { Options } from './Options';
import '@/components/theme.css';
import { t } from '@/utils/i18n';
import './style.css';

// The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
