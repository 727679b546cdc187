import 'reflect-metadata';
import { generatePassword } from '../src/database/embedded-credentials';
import { setUpLedgerDatabase, urlAs } from '../src/database/roles';

/**
 * `npm run db -- create-roles [--owner <name>] [--service <name>] [--from <role>]`
 *
 * For a PostgreSQL of your own (README "Database roles"): with LEDGER_ADMIN_DATABASE_URL, a
 * superuser's URL of the ledger's (existing, possibly empty) database, makes the owner and
 * the service roles (ledger_owner and ledger_service unless named), gives the owner the
 * database and the service its rights, applies the migrations as the owner, and prints the
 * two URLs to start the service with. Passwords: LEDGER_OWNER_PASSWORD and
 * LEDGER_SERVICE_PASSWORD, or generated. `--from <role>`: the role that made the ledger so far
 * (it ran with DATABASE_URL alone): its objects are handed over, read models to the service.
 * Safe to run again: the roles' passwords are set to the ones given (or new ones).
 */
const USAGE = 'usage: LEDGER_ADMIN_DATABASE_URL=postgres://… npm run db -- create-roles [--owner <name>] [--service <name>] [--from <role>]';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main([command, ...args]: string[]): Promise<number> {
  const adminUrl = process.env.LEDGER_ADMIN_DATABASE_URL;
  if (command !== 'create-roles' || !adminUrl) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const roles = { owner: option(args, 'owner') ?? 'ledger_owner', service: option(args, 'service') ?? 'ledger_service' };
  const passwords = { owner: process.env.LEDGER_OWNER_PASSWORD || generatePassword(), service: process.env.LEDGER_SERVICE_PASSWORD || generatePassword() };
  const { serviceUrl } = await setUpLedgerDatabase(adminUrl, roles, passwords, { legacyOwner: option(args, 'from') });
  process.stdout.write(
    `Roles ${roles.owner} (owner, migrations) and ${roles.service} (the service) are ready. Start the service with:\n` +
      `  DATABASE_URL=${serviceUrl}\n  LEDGER_MIGRATION_DATABASE_URL=${urlAs(adminUrl, roles.owner, passwords.owner)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`db: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
