export { allMigrations, type Migration } from './migrations/index';
