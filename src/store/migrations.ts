export { allMigrations, postgresMigrations, type Migration } from './migrations/index';
