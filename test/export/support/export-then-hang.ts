/**
 * A child process for the kill -9 test: begins two real exports through the real handler table
 * (one into `<dataDir>/exports/`, one where a "save dialog" points), writes a chunk to each,
 * says so on stdout and then waits forever, so the parent can SIGKILL it mid-export.
 */
import { createHandlers } from '../../../src-main/rpc/create-handlers';
import { createDispatch } from '../../../src-main/rpc/dispatch';

const [dataDir, chosenPath] = process.argv.slice(2);
if (!dataDir || !chosenPath) throw new Error('usage: export-then-hang <dataDir> <chosenPath>');

const context = { name: 'Reskontra', version: 'test', transport: 'browser' as const, dataDir };
const tables = [createDispatch(createHandlers(context)), createDispatch(createHandlers({ ...context, chooseSavePath: async () => chosenPath }))];

for (const dispatch of tables) {
  const begun = await dispatch('export.begin', { suggestedName: 'reskontra-invoices.csv' });
  if (!begun.ok || (begun.value as { status: string }).status !== 'started') throw new Error(`export.begin: ${JSON.stringify(begun)}`);
  const { exportId } = begun.value as { exportId: string };
  const appended = await dispatch('export.append', { exportId, chunk: 'Kund;Belopp\r\n'.repeat(1000) });
  if (!appended.ok) throw new Error(`export.append: ${JSON.stringify(appended)}`);
}
process.stdout.write('writing\n');
setInterval(() => undefined, 60_000);
