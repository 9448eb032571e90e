import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import CaseDetailView from './views/CaseDetailView.vue';
import CasesView from './views/CasesView.vue';
import ConnectionsView from './views/ConnectionsView.vue';
import CustomerDetailView from './views/CustomerDetailView.vue';
import CustomersView from './views/CustomersView.vue';
import DashboardView from './views/DashboardView.vue';
import EventsView from './views/EventsView.vue';
import InvoiceDetailView from './views/InvoiceDetailView.vue';
import InvoicesView from './views/InvoicesView.vue';
import OutboxView from './views/OutboxView.vue';
import SettingsView from './views/SettingsView.vue';

/** Hash history: the same addresses work from a file:// page in Electron and from the loopback host. */
export const sections = [
  { name: 'dashboard', path: '/dashboard', component: DashboardView },
  { name: 'invoices', path: '/invoices', component: InvoicesView },
  { name: 'customers', path: '/customers', component: CustomersView },
  { name: 'events', path: '/events', component: EventsView },
  { name: 'cases', path: '/cases', component: CasesView },
  { name: 'outbox', path: '/outbox', component: OutboxView },
  { name: 'connections', path: '/connections', component: ConnectionsView },
  { name: 'settings', path: '/settings', component: SettingsView },
] as const satisfies readonly RouteRecordRaw[];

export type SectionName = (typeof sections)[number]['name'];

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/dashboard' },
      ...sections,
      { name: 'case', path: '/cases/:id', component: CaseDetailView, props: true },
      { name: 'invoice', path: '/invoices/:id', component: InvoiceDetailView, props: true },
      // The key is the ledger's customer key (`customerKey`): a folded name or `#<number>`.
      { name: 'customer', path: '/customers/:customer', component: CustomerDetailView, props: true },
      { path: '/:rest(.*)*', redirect: '/dashboard' },
    ],
  });
}
