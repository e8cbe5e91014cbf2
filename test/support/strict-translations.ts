// Every test process: a translation asked for without a value its string names fails the test,
// instead of showing "{{count}}" on a page (src/plugins/i18n.ts).
import { failOnMissingValues } from '../../src/plugins/i18n.ts';

failOnMissingValues();
