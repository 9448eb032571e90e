import { defineStore } from 'pinia';
import { ref } from 'vue';
import { readAccountMap, type AccountMap, type Company } from '../../src-shared/accounting/account-map';

const accountsKey = 'reskontra.accountMap';
const companyKey = 'reskontra.company';

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** The company as stored; anything unreadable is an empty field, never a failure. */
export function readCompany(stored: unknown): Company {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { name: text(source.name), orgNumber: text(source.orgNumber) };
}

/** The account map and the company the journal and SIE exports book with; remembered across restarts. */
export const useBookkeepingStore = defineStore('bookkeeping', () => {
  const storage = window.localStorage;
  const accounts = ref<AccountMap>(readAccountMap(readJson(storage, accountsKey)));
  const company = ref<Company>(readCompany(readJson(storage, companyKey)));

  function setAccounts(next: AccountMap): void {
    accounts.value = { ...next };
    storage.setItem(accountsKey, JSON.stringify(next));
  }

  function setCompany(next: Company): void {
    company.value = { ...next };
    storage.setItem(companyKey, JSON.stringify(next));
  }

  return { accounts, company, setAccounts, setCompany };
});
