/** About: facts that came from main. */
import { pageObject } from './page-object';

export class AboutPage extends pageObject({
  version: 'about-version',
  transport: 'about-transport',
  dataDir: 'about-data-dir',
  runtime: 'about-runtime',
  /** The error bar shown when main could not be asked. */
  error: 'about-error',
}) {}
