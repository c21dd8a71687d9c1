/** Employees, each with a unique badge number and a supervisor among the earlier employees. */
import { pickBuilding } from './buildings.js';
import type { TenantContext } from './context.js';
import { type Complete, Draw, IDENTITY_STREAM, type Schemas, personName, phoneNumber, slug } from './common.js';
import { DEPARTMENTS, MIDDLE_INITIALS, POSITIONS, SHIFTS } from './words.js';

export type Employee = Complete<Schemas['Employee']>;

const STATUSES = [
  ...Array<string>(6).fill('Active'),
  'Inactive',
  'Leave of Absence',
  'Terminated',
];
const TYPES = ['Full Time', 'Full Time', 'Full Time', 'Part Time', 'Temporary'];

/** Share of employees, taken from the start of the list, who supervise others. */
const SUPERVISOR_SHARE = 0.08;

/**
 * Returns the badge number of employee `index`: six digits, unique within the tenant,
 * because `index * 7919 mod 10^6` is a bijection on 0 to 999,999.
 */
export function badgeNumber(index: number): string {
  return String((index * 7_919 + 4_711) % 1_000_000).padStart(6, '0');
}

/** Builds the fields of employee `index` that other records and lookups use. */
export function employeeIdentity(context: TenantContext, index: number) {
  const random = context.random('employees', index, IDENTITY_STREAM);
  const name = personName(random);

  return {
    id: context.id('employees', index),
    badgeNumber: badgeNumber(index),
    firstName: name.first,
    lastName: name.last,
  };
}

function supervisorIndex(context: TenantContext, draw: Draw, index: number): number | null {
  if (index === 0) {
    return null;
  }

  const supervisors = Math.max(1, Math.floor(context.count('employees') * SUPERVISOR_SHARE));
  // Only earlier employees supervise, so the chain of supervisors has no cycles.
  return draw.random.int(0, Math.min(index, supervisors) - 1);
}

export function generateEmployee(context: TenantContext, index: number): Employee {
  const draw = new Draw(context, 'employees', index);
  const { random } = draw;
  const identity = employeeIdentity(context, index);
  const supervisor = supervisorIndex(context, draw, index);
  const login = `${identity.firstName.charAt(0)}${identity.lastName}${index}`;
  const mailbox = `${slug(identity.firstName)}.${slug(identity.lastName)}${index}`;

  return {
    id: identity.id,
    badgeNumber: identity.badgeNumber,
    userId: draw.maybe(0.35, slug(login)),
    firstName: identity.firstName,
    middleName: draw.maybe(0.6, random.pick(MIDDLE_INITIALS)),
    lastName: identity.lastName,
    supervisorId: supervisor === null ? null : draw.maybe(0.02, context.id('employees', supervisor)),
    status: random.pick(STATUSES),
    position: draw.maybe(0.05, random.pick(POSITIONS)),
    shift: draw.maybe(0.1, random.pick(SHIFTS)),
    building: draw.maybe(0.05, pickBuilding(context, random).code),
    type: draw.maybe(0.1, random.pick(TYPES)),
    department: draw.maybe(0.05, random.pick(DEPARTMENTS)),
    email: draw.maybe(0.3, `${mailbox}@${context.tenant.emailDomain}`),
    workPhone: draw.maybe(0.4, phoneNumber(context, random)),
    workExtension: draw.maybe(0.5, random.digits(3)),
    homePhone: draw.maybe(0.6, phoneNumber(context, random)),
    mobilePhone: draw.maybe(0.4, phoneNumber(context, random)),
  };
}
