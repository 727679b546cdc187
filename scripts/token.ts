import { parseArgs } from 'node:util';
import { loadConfiguration } from '../src/config/configuration';
import { isRole, Role, ROLES } from '../src/http/roles';
import { isForceCode, parseDuration, signToken } from '../src/http/token';

/**
 * Prints a development bearer token signed with the configured secret (LEDGER_JWT_SECRET,
 * or the development default):
 *
 *   npm run -s token -- --role DCC --force HAMPSHIRE [--role AUDITOR] [--sub <id>] [--name <name>] [--expires-in 8h]
 *
 * (`-s` keeps npm's own banner out of the output, so `TOKEN=$(npm run -s token -- ...)` works.)
 */
const USAGE = `usage: npm run -s token -- --role <ROLE> [--role <ROLE> ...] --force <FORCE|*> [--sub <user id>] [--name <name>] [--expires-in 8h]
roles: ${ROLES.join(', ')}`;

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      force: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      name: { type: 'string', default: 'Development User' },
      'expires-in': { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) fail(roles.length === 0 ? 'give at least one --role' : `unknown role: ${unknown.join(', ')}`);
  const force = values.force?.toUpperCase();
  if (!isForceCode(force)) fail('give --force: a force code such as HAMPSHIRE, or * for national bodies');
  const expiresInSeconds = parseDuration(values['expires-in']);
  if (expiresInSeconds === undefined) fail('--expires-in must be a duration such as 900, 15m, 8h or 7d');

  const config = loadConfiguration();
  const token = signToken({ userId: values.sub, name: values.name, roles: roles as Role[], force, expiresInSeconds }, config.jwt);
  process.stdout.write(`${token}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

main();
