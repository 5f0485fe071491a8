// Moved to components/dates/ (shared beyond the drawer); kept so the drawer's imports stay as they are.
export * from '../../dates/be-date';
