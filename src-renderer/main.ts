import './zod-without-eval';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { access, initBridge } from './bridge/bridge';
import { createAppI18n } from './i18n/i18n';
import { translateValidation } from './i18n/validation-messages';
import { installShortcuts } from './keyboard/shortcuts';
import { createAppRouter } from './router';
import { useInvoiceIndexStore } from './stores/invoice-index';
import { useOutboxStore } from './stores/outbox';
import { useSettingsStore } from './stores/settings';
import './styles/app.css';

initBridge();

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
// The cache is read while Vue renders and main answers the launch token, not after: with a large
// cache that read is most of a start. Nothing of it shows until main accepts the tab (App.vue).
void useInvoiceIndexStore(pinia).load();
const settings = useSettingsStore(pinia);
const i18n = createAppI18n(settings.locale);
watch(
  () => settings.locale,
  (locale) => {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
  },
  { immediate: true },
);
app.use(i18n);
translateValidation(document, i18n.global.t);
installShortcuts(document);
app.use(createAppRouter());
app.mount('#app');
// The outbox sends only for a tab main has accepted (a refused tab shows nothing of the cache).
watch(
  access,
  (state) => {
    if (state === 'granted') useOutboxStore(pinia).start();
  },
  { immediate: true },
);
