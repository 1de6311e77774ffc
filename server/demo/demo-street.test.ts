import { describe } from 'node:test';
import { auditNoPiiOnDemo } from '../test/audit-no-pii.checks.ts';
import { figuresOnDemo } from '../test/figures.checks.ts';
import { publicPagesOnDemo } from '../test/public-pages.checks.ts';
import { useDemoStreet } from './demo-street.fixture.ts';
import { seedDemoChecks } from './seed-demo.checks.ts';

/**
 * Everything asserted over the whole demo street, on one seed: seeding it takes a minute, and four files seeding it
 * each cost CI four. In this order, since the later ones write: what the seed made (it reads the demo resident's
 * unread notices first), no phone or ID number in its audit log, every public page, and the figures last — they
 * read a notice and move the clock past the month's end.
 */
describe('the demo street, seeded once', () => {
  const street = useDemoStreet();
  seedDemoChecks(street);
  auditNoPiiOnDemo(street);
  publicPagesOnDemo(street);
  figuresOnDemo(street);
});
