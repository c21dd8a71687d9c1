/** Contacts: people at a customer (every third contact) or at a supplier. */
import type { TenantContext } from './context.js';
import {
  type Complete,
  Draw,
  type Schemas,
  auditDates,
  personName,
  phoneNumber,
  slug,
  userId,
} from './common.js';
import { customerIdentity } from './customers.js';
import { DATASET_START_MS, MS_PER_DAY, randomInstant } from './dates.js';
import { supplierIdentity } from './suppliers.js';
import { STREET_NAMES } from './words.js';

export type Contact = Complete<Schemas['Contact']>;

const TITLES = [
  'Purchasing Manager',
  'Buyer',
  'Account Manager',
  'Quality Engineer',
  'Sales Representative',
  'Controller',
];
const MS_PER_YEAR = 365 * MS_PER_DAY;
const TYPES = ['Purchasing', 'Sales', 'Quality', 'Accounts Payable', 'Engineering'];

/** Picks the company a contact works for: a customer or a supplier of the same tenant. */
function employerOf(context: TenantContext, draw: Draw, index: number) {
  if (index % 3 === 0) {
    const customer = customerIdentity(context, context.pickIndex(draw.random, 'customers'));
    return { customerId: customer.id, supplierId: null, name: customer.name };
  }

  const supplier = supplierIdentity(context, context.pickIndex(draw.random, 'suppliers'));
  return { customerId: null, supplierId: supplier.id, name: supplier.name };
}

export function generateContact(context: TenantContext, index: number): Contact {
  const draw = new Draw(context, 'contacts', index);
  const { random } = draw;
  const name = personName(random);
  const employer = employerOf(context, draw, index);
  const audit = auditDates(random);
  const domain = `${slug(employer.name)}.example.com`;
  const street = `${random.int(100, 9800)} ${random.pick(STREET_NAMES)}`;
  const birth = randomInstant(random, DATASET_START_MS - 60 * MS_PER_YEAR, DATASET_START_MS - 20 * MS_PER_YEAR);

  return {
    id: context.id('contacts', index),
    customerId: draw.sparse ? null : employer.customerId,
    firstName: name.first,
    lastName: name.last,
    supplierId: draw.sparse ? null : employer.supplierId,
    phone: draw.maybe(0.1, phoneNumber(context, random)),
    fax: draw.maybe(0.7, phoneNumber(context, random)),
    mobilePhone: draw.maybe(0.4, phoneNumber(context, random)),
    title: draw.maybe(0.2, random.pick(TITLES)),
    note: draw.maybe(0.7, 'Prefers e-mail.'),
    email: draw.maybe(0.15, `${slug(name.first)}.${slug(name.last)}@${domain}`),
    companyName: draw.maybe(0.1, employer.name),
    officeAddress: draw.maybe(0.4, `${street}, ${context.tenant.city}, ${context.tenant.state}`),
    homeAddress: draw.maybe(0.9, `${random.int(10, 990)} ${random.pick(STREET_NAMES)}`),
    private: random.chance(0.1) ? 1 : 0,
    description: draw.maybe(0.6, `${random.pick(TYPES)} contact`),
    birthDate: draw.maybe(0.85, birth.text),
    url: draw.maybe(0.6, `https://${domain}`),
    sortOrder: random.int(0, 20),
    type: draw.maybe(0.2, random.pick(TYPES)),
    associatedWithId: draw.maybe(0.8, userId(context, random)),
    modifiedById: draw.maybe(0.05, userId(context, random)),
    modifiedDate: audit.modified,
    createdById: draw.maybe(0.05, userId(context, random)),
    createdDate: audit.created,
  };
}
