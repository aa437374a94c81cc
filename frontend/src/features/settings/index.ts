export { settingsKeys, settingsQueries } from './api/settings-api';
export { SettingsPage } from './components/settings-page';
