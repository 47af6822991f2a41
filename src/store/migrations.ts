export { allMigrations, postgresMigrations, migrationsIn, type Migration } from './migrations/index';
